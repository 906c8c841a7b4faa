"""What an uploaded XLSX may make the reader allocate, checked before it is read (issue 11, "spreadsheet bomb").

calamine builds a sheet as one dense block from its first to its last cell: a 5 KB file with one cell at
XFD1048576 (or a `<dimension>` declaring it) asked for 512 GiB and killed the worker, or the web server with
the in-process task backend. Rule: the package is inspected as a zip before any sheet is read; its XML may
expand to at most MAX_UNCOMPRESSED_BYTES, and in every worksheet the declared dimension and every cell and
row reference stay within MAX_SHEET_ROWS rows, MAX_SHEET_COLUMNS columns and MAX_SHEET_CELLS cells of the
block they span. A file beyond is refused with its real reason (SheetTooLarge), nothing read.
An Excel 97-2003 (.xls) file gets the same bounds from xls_bounds.
"""

import re
import zipfile
from pathlib import Path

from django.utils.translation import gettext as _

MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024
MAX_SHEET_ROWS = 200_100  # the importer's 200,000 rows, a header and a title or two
MAX_SHEET_COLUMNS = 200
MAX_SHEET_CELLS = 6_000_000
_CHUNK = 4 * 1024 * 1024
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Za-z]*)(\d*)(?::([A-Za-z]*)(\d*))?"')
_REFERENCE = re.compile(rb'<(?:\w+:)?(?:c|row)\s[^>]*?\br="([A-Z]*)(\d+)"')


class SheetTooLargeError(ValueError):
    """The workbook would make the reader allocate too much; the message says what and the limits."""


def check_xlsx_bounds(path: Path) -> None:
    """Raise SheetTooLargeError when the XLSX at `path` is beyond the bounds of the module rule."""
    try:
        package = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return  # not a zip: the reader says it is not a spreadsheet
    with package:
        members = package.infolist()
        if sum(member.file_size for member in members) > MAX_UNCOMPRESSED_BYTES:
            raise SheetTooLargeError(
                _("The file unpacks to more than %(limit)s MB. Split it into smaller files.")
                % {"limit": f"{MAX_UNCOMPRESSED_BYTES // (1024 * 1024):,}"}
            )
        for member in members:
            if member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml"):
                _check_sheet(package, member)


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - ord("A") + 1
    return number


def _check_sheet(package: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    last_row = last_column = 0
    tail = b""
    with package.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            text = tail + chunk
            for match in _DIMENSION.finditer(text):
                last_column = max(last_column, _column_number(match.group(3) or match.group(1)))
                last_row = max(last_row, int(match.group(4) or match.group(2) or 0))
            for match in _REFERENCE.finditer(text):
                last_column = max(last_column, _column_number(match.group(1)))
                last_row = max(last_row, int(match.group(2)))
            tail = text[-256:]  # a reference cut by the chunk boundary is read again with the next chunk
            refuse_beyond(last_row, last_column)


def refuse_beyond(rows: int, columns: int) -> None:
    """SheetTooLargeError when a sheet reaching `rows` rows and `columns` columns is beyond the bounds."""
    if rows <= MAX_SHEET_ROWS and columns <= MAX_SHEET_COLUMNS and rows * columns <= MAX_SHEET_CELLS:
        return
    raise SheetTooLargeError(
        _(
            "A sheet of the file reaches row %(rows)s and column %(columns)s (an empty cell far away counts too). "
            "At most %(max_rows)s rows, %(max_columns)s columns and %(max_cells)s cells are read: delete what lies "
            "beyond the list, or split it into smaller files."
        )
        % {
            "rows": f"{rows:,}",
            "columns": f"{columns:,}",
            "max_rows": f"{MAX_SHEET_ROWS:,}",
            "max_columns": f"{MAX_SHEET_COLUMNS:,}",
            "max_cells": f"{MAX_SHEET_CELLS:,}",
        }
    )
