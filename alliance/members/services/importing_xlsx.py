"""A lean reader for the first worksheet of an XLSX file: cell values row by row, dates as dates.

openpyxl builds a rich object per shared string and per cell, which takes most of the time of a
100,000-row import; the import needs only values. This reads the sheet's XML as a stream with the
standard library and converts cells the way openpyxl's data-only mode does (shared and inline strings,
numbers, booleans, and numbers styled as dates). Files it cannot read raise `BadXlsxError`, and the caller
falls back to openpyxl.
"""

import functools
import posixpath
import re
import zipfile
from collections.abc import Iterator
from xml.etree.ElementTree import ParseError, iterparse

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.datetime import from_excel

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_COLUMN = re.compile(r"[A-Z]+")


class BadXlsxError(Exception):
    pass


class UnsafeXlsxError(Exception):
    """A part declares a DTD (entity tricks); no spreadsheet application writes one."""


class TooManyRowsError(Exception):
    pass


def _part(archive: zipfile.ZipFile, name: str):
    """Open one XML part of the package, refusing DTDs before the parser sees them.

    Expat (2.4 and later) already limits entity expansion and ElementTree resolves no external
    entities; refusing any DOCTYPE keeps the parser away from both.
    """
    with archive.open(name) as handle:
        head = handle.read(4096)
    if b"<!doctype" in head.lower():
        raise UnsafeXlsxError(name)
    return archive.open(name)


def _iterparse(handle, events=("end",)):
    return iterparse(handle, events=events)  # noqa: S314  DTDs refused by _part; see its docstring


@functools.cache
def _letters_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


def _column_index(reference: str) -> int:
    return _letters_index(_COLUMN.match(reference).group())


def _first_sheet_path(archive: zipfile.ZipFile) -> str:
    with _part(archive, "xl/workbook.xml") as handle:
        sheet = next(element for _, element in _iterparse(handle) if element.tag == f"{MAIN}sheet")
    relation = sheet.get(RELATIONSHIP)
    with _part(archive, "xl/_rels/workbook.xml.rels") as handle:
        for _, element in _iterparse(handle):
            if element.tag == PACKAGE_RELS and element.get("Id") == relation:
                target = element.get("Target")
                return target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
    raise BadXlsxError(relation)


def _shared_strings(archive: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in archive.namelist():
        return []
    strings = []
    with _part(archive, "xl/sharedStrings.xml") as handle:
        for _, element in _iterparse(handle):
            if element.tag == f"{MAIN}si":
                # Text runs, without phonetic guides (rPh).
                texts = [node.text or "" for node in element.iter(f"{MAIN}t")]
                phonetic = {id(node) for rph in element.iter(f"{MAIN}rPh") for node in rph.iter(f"{MAIN}t")}
                if phonetic:
                    texts = [node.text or "" for node in element.iter(f"{MAIN}t") if id(node) not in phonetic]
                strings.append("".join(texts))
                element.clear()
    return strings


def _date_styles(archive: zipfile.ZipFile) -> set[int]:
    """Indexes of the cell formats (cellXfs) whose number format shows a date."""
    if "xl/styles.xml" not in archive.namelist():
        return set()
    custom: dict[int, str] = {}
    formats: list[int] = []
    in_cell_xfs = False
    with _part(archive, "xl/styles.xml") as handle:
        for event, element in _iterparse(handle, events=("start", "end")):
            if element.tag == f"{MAIN}numFmt" and event == "end":
                custom[int(element.get("numFmtId"))] = element.get("formatCode", "")
            elif element.tag == f"{MAIN}cellXfs":
                in_cell_xfs = event == "start"
            elif element.tag == f"{MAIN}xf" and event == "start" and in_cell_xfs:
                formats.append(int(element.get("numFmtId", 0)))
    dates = set()
    for index, format_id in enumerate(formats):
        code = custom.get(format_id) or BUILTIN_FORMATS.get(format_id, "")
        if code and is_date_format(code):
            dates.add(index)
    return dates


def _number(text: str) -> int | float:
    return float(text) if any(mark in text for mark in ".eE") else int(text)


def read_rows(path, max_rows: int) -> Iterator[tuple]:
    """The first worksheet's rows as tuples of values; empty rows between rows are yielded as ().

    Raises TooManyRowsError past `max_rows` rows, before they fill the memory.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            sheet_path = _first_sheet_path(archive)
            strings = _shared_strings(archive)
            dates = _date_styles(archive)
            with _part(archive, sheet_path) as handle:
                for number, row in enumerate(_rows(handle, strings, dates), start=1):
                    if number > max_rows:
                        raise TooManyRowsError(number)
                    yield row
    except (KeyError, ValueError, IndexError, StopIteration, ParseError, AttributeError) as error:
        raise BadXlsxError(str(error)) from error


def _rows(handle, strings: list[str], dates: set[int]) -> Iterator[tuple]:
    expected = 1
    cells: dict[int, object] = {}
    next_column = 0
    for _, element in _iterparse(handle):
        tag = element.tag
        if tag == f"{MAIN}c":
            reference = element.get("r")
            column = _column_index(reference) if reference else next_column
            next_column = column + 1
            cells[column] = _value(element, strings, dates)
        elif tag == f"{MAIN}row":
            number = int(element.get("r") or expected)
            while expected < number:
                yield ()
                expected += 1
            width = max(cells) + 1 if cells else 0
            yield tuple(cells.get(index) for index in range(width))
            expected = number + 1
            cells = {}
            next_column = 0
            element.clear()


def _value(cell, strings: list[str], dates: set[int]):
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        return "".join(node.text or "" for node in cell.iter(f"{MAIN}t"))
    value = cell.find(f"{MAIN}v")
    text = value.text if value is not None else None
    if text is None or kind in {"str", "e"}:
        return text
    if kind == "s":
        return strings[int(text)]
    if kind == "b":
        return text == "1"
    number = _number(text)
    return from_excel(number) if int(cell.get("s", 0)) in dates else number
