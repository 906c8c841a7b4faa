"""Excel 97-2003 (.xls) files are bounded before calamine reads them, as XLSX files are: a 5 KB file whose
DIMENSIONS record declares 4,294,967,295 rows made calamine ask for 11 PB and abort the whole process (no
exception), and one cell at the format's last row and column made it take 1 GB. Each hostile variant of a
real Excel 97-2003 file is refused in Korean before calamine is asked to open it."""

import struct
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from alliance.members.services import importing_read
from alliance.members.services.xls_bounds import check_xls_bounds
from alliance.members.tests.test_import import _file_error
from alliance.members.tests.test_import_bounds import sheet_refusal

pytestmark = pytest.mark.django_db

REAL = (Path(__file__).parent / "data" / "members_97_2003.xls").read_bytes()
WORKBOOK_AT = 512  # the fixture's Workbook stream starts at sector 0
DIRECTORY_AT = 512 + 9 * 512  # its directory is sector 9; entry 1 is the Workbook stream
NOT_A_SPREADSHEET = "스프레드시트 파일이 아닙니다. 엑셀(.xlsx, .xls) 또는 CSV(.csv) 파일을 올려 주세요."


def _record(kind: int, nth: int = 0) -> int:
    """The offset in the file of the body of the `nth` BIFF record of `kind` in the Workbook stream."""
    position, found = WORKBOOK_AT, 0
    while True:
        record_kind, length = struct.unpack_from("<HH", REAL, position)
        if record_kind == kind:
            if found == nth:
                return position + 4
            found += 1
        position += 4 + length


def _patched(offset: int, layout: str, *values) -> bytes:
    data = bytearray(REAL)
    struct.pack_into(layout, data, offset, *values)
    return bytes(data)


@pytest.fixture
def calamine_never_opens(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("calamine was asked to read a file beyond the bounds")

    monkeypatch.setattr(importing_read, "CalamineWorkbook", type("Refusing", (), {"from_path": refuse}))


def _write(tmp_path, data: bytes) -> Path:
    path = tmp_path / "회원명부.xls"
    path.write_bytes(data)
    return path


def test_the_real_file_passes_the_check():
    check_xls_bounds(REAL)
    sheet = CalamineWorkbook.from_path(str(Path(__file__).parent / "data" / "members_97_2003.xls"))
    assert sheet.get_sheet_by_index(0).height == 5


@pytest.mark.parametrize(
    ("rows", "columns"),
    [(4_294_967_295, 65_535), (65_536, 256), (300_000, 11), (5, 201)],
)
def test_a_declared_dimension_beyond_the_bounds_is_refused(tmp_path, calamine_never_opens, rows, columns):
    data = _patched(_record(0x0200), "<IIHH", 0, rows, 0, columns)

    assert _file_error(_write(tmp_path, data)) == sheet_refusal(rows, columns)


def test_one_cell_at_the_formats_last_row_and_column_is_refused(tmp_path, calamine_never_opens):
    data = _patched(_record(0x00FD), "<HH", 65_535, 255)  # the first text cell moved to IV65536

    assert _file_error(_write(tmp_path, data)) == sheet_refusal(65_536, 256)


def test_a_shared_string_count_the_stream_cannot_hold_is_refused(tmp_path, calamine_never_opens):
    data = _patched(_record(0x00FC) + 4, "<I", 0xFFFF_FFFF)

    assert _file_error(_write(tmp_path, data)) == (
        "파일에 서로 다른 텍스트가 4,294,967,295개 있다고 적혀 있는데, 파일 크기로는 담을 수 없습니다. "
        "파일이 손상되었거나 엑셀 파일이 아닙니다."
    )


@pytest.mark.parametrize(
    "broken",
    [
        pytest.param(lambda: _patched(DIRECTORY_AT + 128 + 120, "<I", 0xFFFF_FFF0), id="stream-size-beyond-file"),
        pytest.param(lambda: _patched(512 + 8 * 512, "<I", 0), id="fat-chain-loops"),
        pytest.param(lambda: _patched(0x4C, "<I", 0x7FFF_FFFF), id="fat-sector-outside-file"),
        pytest.param(lambda: _patched(0x1E, "<H", 30), id="sector-size-2^30"),
        pytest.param(lambda: REAL[:600], id="cut-short"),
    ],
)
def test_a_compound_file_that_does_not_hold_together_is_not_a_spreadsheet(tmp_path, calamine_never_opens, broken):
    assert _file_error(_write(tmp_path, broken())) == NOT_A_SPREADSHEET
