"""Reading the secretariat's member spreadsheet (XLSX or CSV) into rows, before any row is validated.

Rule (issue 2): headers are Korean (회사명, 사업자등록번호, ...); 회사명, 회원구분 and 가입일 are required.
A file that is empty, too large, not a spreadsheet, or whose columns are wrong or missing is refused as a
whole with one Korean message (`ImportFileError`) that names the column and lists the expected ones.
As the secretariat's lists are kept: a title above the header row (within the first HEADER_SEARCH_ROWS
rows that are not blank) is passed over, the header row being the first that holds every required column,
and a running-number column (연번, 번호, No.) is ignored. Row numbers stay those of the file.
A header of two rows, a merged cell over the columns it groups (소재지 over 시도 / 시군구, 회원정보 over 회사명 /
회원구분), is read as one: each column is named by its lower cell, or its upper one where the lower is blank.
A column the platform does not know (비고, 담당부서) is ignored, and the import's notes name it. Header cells are
compared without spacing and full-width forms (`회 사 명`, `ＮＯ`).
"""

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _
from python_calamine import CalamineError, CalamineWorkbook

from alliance.core.korean import fold_width, size_label
from alliance.members.services.spreadsheet_bounds import SheetTooLargeError, check_xlsx_bounds
from alliance.members.services.xls_bounds import SIGNATURE as XLS_SIGNATURE
from alliance.members.services.xls_bounds import BrokenXlsError, check_xls_bounds

# The columns of the secretariat's list, in its order. They are an interface, so they stay Korean.
HEADERS = (
    "회사명",
    "사업자등록번호",
    "회원구분",
    "가입일",
    "탈퇴일",
    "시도",
    "시군구",
    "설립연도",
    "종사자수",
    "매출액(백만원)",
    "주요분야",
    "홈페이지",
    "소개",
)
REQUIRED_HEADERS = ("회사명", "회원구분", "가입일")
# Written by the registry export; imported too, so that an export re-imports cleanly.
EXTRA_HEADERS = ("영문명", "탈퇴사유")
# Contacts are exported for staff but not imported: people are edited on the organisation page.
CONTACT_HEADERS = ("담당자", "담당자 이메일", "담당자 전화번호")
# Also exported for staff and ignored on import: the census, not a spreadsheet, confirms a profile.
CONFIRMED_HEADER = "최종 확인일"
ERROR_HEADER = "오류"
# A running number down the left of a list: not data, so ignored on import.
ROW_NUMBER_HEADERS = ("연번", "번호", "순번", "No", "No.")
HEADER_SEARCH_ROWS = 10
# More rows than this are refused before they are held in memory (the header row is not counted).
MAX_ROWS = 200_000
KNOWN_HEADERS = (*HEADERS, *EXTRA_HEADERS, *CONTACT_HEADERS, CONFIRMED_HEADER)

# Other ways the same header is written in the secretariat's files.
_HEADER_ALIASES = {
    "회사": "회사명",
    "기업명": "회사명",
    "회원사명": "회사명",
    "사업자번호": "사업자등록번호",
    "회원유형": "회원구분",
    "구분": "회원구분",
    "가입일자": "가입일",
    "탈퇴일자": "탈퇴일",
    "시·도": "시도",
    "시/도": "시도",
    "시·군·구": "시군구",
    "시/군/구": "시군구",
    "설립년도": "설립연도",
    "직원수": "종사자수",
    "매출액": "매출액(백만원)",
    "매출액(백만)": "매출액(백만원)",
    "분야": "주요분야",
    "사업분야": "주요분야",
    "홈페이지주소": "홈페이지",
    "회사소개": "소개",
}


def _header_key(text: str) -> str:
    return "".join(fold_width(str(text)).split())


_CANONICAL = {_header_key(name): name for name in (*KNOWN_HEADERS, ERROR_HEADER)}
_CANONICAL.update({_header_key(alias): name for alias, name in _HEADER_ALIASES.items()})
_IGNORED = {ERROR_HEADER} | {_header_key(name).casefold() for name in ROW_NUMBER_HEADERS}


def _canonical(header: str) -> str | None:
    """The known header a cell names (ERROR_HEADER for one to ignore), None for an unknown one."""
    key = _header_key(header)
    if key.casefold() in _IGNORED:
        return ERROR_HEADER
    return _CANONICAL.get(key)


def _names_known_columns(cells) -> bool:
    return any(_canonical(str(cell).strip()) not in (None, ERROR_HEADER) for cell in cells if not _is_blank(cell))


def _is_header_row(cells) -> bool:
    names = {_canonical(str(cell).strip()) for cell in cells if not _is_blank(cell)}
    return all(name in names for name in REQUIRED_HEADERS)


def _is_sub_header(cells) -> bool:
    """A row every filled cell of which names a known column: the lower row of a two-row header."""
    filled = [str(cell).strip() for cell in cells if not _is_blank(cell)]
    return bool(filled) and all(_canonical(cell) not in (None, ERROR_HEADER) for cell in filled)


def _combined(upper, lower) -> tuple:
    """Each column named by the lower cell of a two-row header, or by the upper one where the lower is blank."""
    width = max(len(upper), len(lower))
    cell = lambda cells, index: cells[index] if index < len(cells) else None  # noqa: E731
    return tuple(cell(upper, i) if _is_blank(cell(lower, i)) else cell(lower, i) for i in range(width))


class ImportFileError(Exception):
    """The file as a whole cannot be imported; `message` says why in the active language."""

    def __init__(self, message: str, column: str = ""):
        super().__init__(message)
        self.message = message
        self.column = column


@dataclass
class Sheet:
    """The rows of a spreadsheet: `headers` as written, `columns` maps a known header to its index."""

    headers: list[str]
    columns: dict[str, int]
    rows: list[tuple[int, tuple]] = field(default_factory=list)  # (spreadsheet row number, cell values)
    ignored: list[str] = field(default_factory=list)  # columns the platform does not know, left out

    def values(self, cells: tuple) -> dict:
        """A row's cells by known header (only the columns the file has)."""
        return {name: (cells[index] if index < len(cells) else None) for name, index in self.columns.items()}


def _expected() -> str:
    return ", ".join(HEADERS)


def _optional() -> str:
    return ", ".join(header for header in HEADERS if header not in REQUIRED_HEADERS)


def _is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def too_large_message() -> str:
    """What an upload over MAX_UPLOAD_BYTES is told (the form and the reader say the same)."""
    message = _("The file is larger than %(limit)s. Split it into smaller files.")
    return message % {"limit": size_label(settings.MAX_UPLOAD_BYTES)}


def check_size(size: int) -> None:
    if size > settings.MAX_UPLOAD_BYTES:
        raise ImportFileError(too_large_message())


def read_sheet(path: Path | str) -> Sheet:
    """Read the first worksheet of an XLSX or XLS file, or a CSV file (UTF-8 or CP949), into a `Sheet`."""
    path = Path(path)
    size = path.stat().st_size
    if size == 0:
        raise ImportFileError(_("The file is empty."))
    check_size(size)
    with path.open("rb") as handle:
        head = handle.read(8)
    # XLSX is a zip package, Excel 97-2003 (.xls) an OLE compound file; calamine reads both.
    if head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raw_rows = _xlsx_rows(path)
    else:
        raw_rows = _csv_rows(path.read_bytes())
    return _sheet(raw_rows)


def _not_a_spreadsheet() -> ImportFileError:
    return ImportFileError(_("This file is not a spreadsheet. Upload an Excel (.xlsx, .xls) or CSV (.csv) file."))


def _too_many_rows() -> ImportFileError:
    message = _("The file has more than %(limit)s rows. Split it into smaller files.")
    return ImportFileError(message % {"limit": f"{MAX_ROWS:,}"})


def _cell(value):
    """Calamine's cell as openpyxl's data-only mode gives it: blanks as None, whole numbers as int."""
    if value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _xlsx_rows(path: Path):
    """The first worksheet's rows, read by calamine (Rust; no entity expansion, fast at 100,000 rows)."""
    with path.open("rb") as handle:
        is_xls = handle.read(8) == XLS_SIGNATURE
    try:  # before calamine allocates the sheet's whole block
        if is_xls:
            check_xls_bounds(path.read_bytes())  # within MAX_UPLOAD_BYTES, checked by the caller
        else:
            check_xlsx_bounds(path)
    except SheetTooLargeError as error:
        raise ImportFileError(str(error)) from error
    except BrokenXlsError as error:
        raise _not_a_spreadsheet() from error
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheet = workbook.get_sheet_by_index(0)
        rows = []
        for row in sheet.iter_rows():
            rows.append(tuple(_cell(value) for value in row))
            if len(rows) > MAX_ROWS + 1:
                raise _too_many_rows()
    except (CalamineError, IndexError, OSError, ValueError) as error:
        raise _not_a_spreadsheet() from error
    return rows


def _csv_rows(data: bytes):
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "유니코드 텍스트": UTF-16 with a byte-order mark
        data = _utf16_as_utf8(data)
    if b"\x00" in data[:4096]:
        raise _not_a_spreadsheet()
    for encoding in ("utf-8-sig", "cp949"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise _not_a_spreadsheet()
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    rows = []
    # Python's csv refuses a cell over 128 KB; a cell may be as long as the largest accepted file.
    csv.field_size_limit(max(csv.field_size_limit(), settings.MAX_UPLOAD_BYTES))
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            rows.append(tuple(row))
            if len(rows) > MAX_ROWS + 1:
                raise _too_many_rows()
    except csv.Error as error:
        raise _not_a_spreadsheet() from error
    return rows


def _utf16_as_utf8(data: bytes) -> bytes:
    try:
        return data.decode("utf-16").encode("utf-8")
    except UnicodeDecodeError as error:
        message = _("The file says it is UTF-16 text but is damaged. Save it again as CSV UTF-8 or as .xlsx.")
        raise ImportFileError(message) from error


def _sheet(raw_rows) -> Sheet:
    numbered = ((number, tuple(cells)) for number, cells in enumerate(raw_rows, start=1))
    numbered = [(number, cells) for number, cells in numbered if not all(_is_blank(cell) for cell in cells)]
    if not numbered:
        raise ImportFileError(_("The file is empty."))
    start, header_cells, header_rows = _find_header(numbered)
    header_number = numbered[start][0]
    headers = ["" if _is_blank(cell) else str(cell).strip() for cell in header_cells]
    columns: dict[str, int] = {}
    ignored = []
    for index, header in enumerate(headers):
        if not header:
            continue
        name = _canonical(header)
        if name is None:
            ignored.append(header)
        elif name in columns:
            raise ImportFileError(_("The column '%(column)s' appears twice.") % {"column": header}, column=header)
        elif name != ERROR_HEADER:  # a corrected rejected-rows report can be imported again; 연번 is no data
            columns[name] = index
    missing = [name for name in REQUIRED_HEADERS if name not in columns]
    if missing:
        raise ImportFileError(
            _(
                "Row %(row)s is taken as the header, and the required column(s) %(missing)s are not in it. A member "
                "list needs the columns %(required)s; the others (%(optional)s) may be left out."
            )
            % {
                "row": header_number,
                "missing": ", ".join(f"'{name}'" for name in missing),
                "required": ", ".join(REQUIRED_HEADERS),
                "optional": _optional(),
            },
            column=missing[0],
        )
    rows = numbered[start + header_rows :]
    if not rows:
        raise ImportFileError(_("The file has a header row but no members below it."))
    return Sheet(headers=headers, columns=columns, rows=rows, ignored=ignored)


def _find_header(numbered) -> tuple[int, tuple, int]:
    """(index of the header's first row, its cells, how many rows it takes: 1 or 2).

    The first row that, alone or with a sub-header row below it, holds every required column (titles above it
    are passed over); with none such, the first row naming any known column, so that what it lacks is named.
    A file in which no row names a column at all is not a member list: it is told so, not asked for columns.
    """
    for index, (_number, cells) in enumerate(numbered[:HEADER_SEARCH_ROWS]):
        lower = numbered[index + 1][1] if index + 1 < len(numbered) else ()
        if lower and _is_sub_header(lower) and _is_header_row(_combined(cells, lower)):
            return index, _combined(cells, lower), 2
        if _is_header_row(cells):
            return index, cells, 1
    for index, (_number, cells) in enumerate(numbered[:HEADER_SEARCH_ROWS]):
        if _names_known_columns(cells):
            return index, cells, 1
    if all(sum(not _is_blank(cell) for cell in cells) <= 1 for _number, cells in numbered[:HEADER_SEARCH_ROWS]):
        raise _not_a_spreadsheet()  # text, not columns: a letter, a note, a file saved under the wrong name
    raise _not_a_member_list()


def _not_a_member_list() -> ImportFileError:
    return ImportFileError(
        _(
            "This file is not a member list: none of its first %(count)s rows names the columns %(required)s. "
            "Upload an Excel (.xlsx, .xls) or CSV (.csv) file with a header row, or start from the template file."
        )
        % {"count": HEADER_SEARCH_ROWS, "required": ", ".join(REQUIRED_HEADERS)}
    )
