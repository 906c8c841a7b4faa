"""Files that would make the reader allocate too much are refused before reading, with the real reason;
files that are valid but unusual (a huge cell, UTF-16 text) are read."""

import zipfile

import openpyxl
import pytest
from django.utils.translation import gettext

from alliance.members.models import Organisation
from alliance.members.services.importing import import_members
from alliance.members.services.importing_read import HEADERS, ImportFileError
from alliance.members.services.spreadsheet_bounds import MAX_SHEET_CELLS, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS
from alliance.members.tests.test_import import csv_file, problems, zen_row

pytestmark = pytest.mark.django_db


def sheet_refusal(rows: int, columns: int) -> str:
    return gettext(
        "A sheet of the file reaches row %(rows)s and column %(columns)s (an empty cell far away counts too). "
        "At most %(max_rows)s rows, %(max_columns)s columns and %(max_cells)s cells are read: delete what lies "
        "beyond the list, or split it into smaller files."
    ) % {
        "rows": f"{rows:,}",
        "columns": f"{columns:,}",
        "max_rows": f"{MAX_SHEET_ROWS:,}",
        "max_columns": f"{MAX_SHEET_COLUMNS:,}",
        "max_cells": f"{MAX_SHEET_CELLS:,}",
    }


def sparse_xlsx(tmp_path, far_cell: str):
    """The probe's 5 KB file: three columns, one member, and one cell far away."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["회사명", "회원구분", "가입일"])
    sheet.append(["희소테스트", "소기업", "2024-01-01"])
    sheet[far_cell] = "x"
    path = tmp_path / "sparse.xlsx"
    workbook.save(path)
    return path


@pytest.mark.parametrize(
    ("far_cell", "rows", "columns"),
    [("XFD1048576", 1_048_576, 16_384), ("ZZ100000", 100_000, 702), ("A300000", 300_000, 3)],
)
def test_sparse_xlsx_is_refused_before_it_is_read(tmp_path, far_cell, rows, columns):
    path = sparse_xlsx(tmp_path, far_cell)
    assert path.stat().st_size < 10_000

    with pytest.raises(ImportFileError) as refused:
        import_members(path=path)

    assert str(refused.value) == sheet_refusal(rows, columns)
    assert Organisation.objects.count() == 0


def test_declared_dimension_alone_is_refused(tmp_path):
    """A sheet whose <dimension> claims the whole grid, its cells small: refused on the declaration."""
    path = sparse_xlsx(tmp_path, "C3")
    rewritten = tmp_path / "declared.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(rewritten, "w") as target:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<dimension ref="A1:C3"', b'<dimension ref="A1:XFD1048576"')
            target.writestr(member, data)

    with pytest.raises(ImportFileError) as refused:
        import_members(path=rewritten)

    assert str(refused.value) == sheet_refusal(1_048_576, 16_384)


def test_csv_with_a_cell_over_128_kb_is_read_and_the_cell_named(tmp_path):
    path = csv_file(tmp_path, [zen_row(소개="가" * 200_000)])

    result = import_members(path=path, dry_run=True)

    assert len(problems(result)) == 1
    assert "소개" in problems(result)[0]


def test_utf16_csv_from_excel_unicode_text_is_read(tmp_path):
    """Excel's "유니코드 텍스트": UTF-16 little-endian with a byte-order mark, tab-separated."""
    row = zen_row()
    lines = ["\t".join(HEADERS), "\t".join(row[header] for header in HEADERS)]
    path = tmp_path / "members.txt"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-16"))

    result = import_members(path=path)

    assert problems(result) == []
    assert list(Organisation.objects.values_list("name", flat=True)) == ["주식회사 젠"]
