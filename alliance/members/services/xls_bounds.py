"""What an uploaded Excel 97-2003 (.xls) file may make the reader allocate, checked before it is read.

An .xls is an OLE compound file whose "Workbook" stream holds BIFF records. calamine sizes a sheet from its
DIMENSIONS record and its cells: a 5 KB file declaring 4,294,967,295 rows × 65,535 columns made it ask for
11 PB and abort the process (no exception to catch), and one cell at the format's last row and column made
it take 1 GB. Rule: the same bounds as an XLSX (spreadsheet_bounds: MAX_SHEET_ROWS, MAX_SHEET_COLUMNS,
MAX_SHEET_CELLS) for every sheet's declared dimension and every cell, and a shared-string count no larger
than the stream could hold. The file is parsed here in Python, within the upload's size, every sector
number and chain checked against the file, before calamine sees it.
"""

import struct

from django.utils.translation import gettext as _

from alliance.members.services.spreadsheet_bounds import SheetTooLargeError, refuse_beyond

SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END_OF_CHAIN = 0xFFFFFFFA  # and above: end of chain, free, FAT and DIFAT sectors
_DIMENSIONS, _SST = 0x0200, 0x00FC
# Records starting with (row u16, column u16): LABELSST, NUMBER, RK, BLANK, BOOLERR, LABEL, FORMULA, RSTRING,
# MULRK and MULBLANK (whose last column is in their last two bytes), ROW (row only).
_CELLS = {0x00FD, 0x0203, 0x027E, 0x0201, 0x0205, 0x0204, 0x0006, 0x00D6}
_MULTI_CELLS = {0x00BD, 0x00BE}
_ROW = 0x0208


class BrokenXlsError(ValueError):
    """The compound file's structure is inconsistent: the reader says it is not a spreadsheet."""


def check_xls_bounds(data: bytes) -> None:
    """Raise SheetTooLargeError when the .xls in `data` is beyond the bounds, BrokenXlsError when its
    structure does not hold together (sectors outside the file, chains that loop)."""
    workbook = _workbook_stream(data)
    last_row = last_column = 0
    for kind, body in _records(workbook):
        if kind == _DIMENSIONS:
            rows, columns = _dimension(body)
            refuse_beyond(rows, columns)
        elif kind == _SST and len(body) >= 8:
            _check_shared_strings(struct.unpack_from("<I", body, 4)[0], len(workbook))
        elif kind in _CELLS and len(body) >= 4:
            row, column = struct.unpack_from("<HH", body)
            last_row, last_column = max(last_row, row + 1), max(last_column, column + 1)
        elif kind in _MULTI_CELLS and len(body) >= 6:
            row, last = struct.unpack_from("<H", body)[0], struct.unpack_from("<H", body, len(body) - 2)[0]
            last_row, last_column = max(last_row, row + 1), max(last_column, last + 1)
        elif kind == _ROW and len(body) >= 2:
            last_row = max(last_row, struct.unpack_from("<H", body)[0] + 1)
        refuse_beyond(last_row, last_column)


def _dimension(body: bytes) -> tuple[int, int]:
    """(rows, columns) a DIMENSIONS record declares: BIFF8 has 32-bit rows (14 bytes), BIFF5 16-bit (10)."""
    if len(body) >= 14:
        _first_row, last_row, _first_column, last_column = struct.unpack_from("<IIHH", body)
    elif len(body) >= 8:
        _first_row, last_row, _first_column, last_column = struct.unpack_from("<HHHH", body)
    else:
        return 0, 0
    return last_row, last_column


def _check_shared_strings(unique: int, stream_size: int) -> None:
    # Every string takes at least 3 bytes (length and flags): a count beyond that is a lie sized for a reader
    # that reserves room for it up front.
    if unique > stream_size // 3:
        raise SheetTooLargeError(
            _("The file declares %(count)s different texts, more than it can hold. It is damaged or not an Excel file.")
            % {"count": f"{unique:,}"}
        )


def _records(stream: bytes):
    position = 0
    while position + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, position)
        yield kind, stream[position + 4 : position + 4 + length]
        position += 4 + length


class _Compound:
    """The sectors, FAT and directory of a compound file, every number checked against the file."""

    def __init__(self, data: bytes):
        if len(data) < 512 or not data.startswith(SIGNATURE):
            raise BrokenXlsError
        self.data = data
        shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
        if shift not in (9, 12) or mini_shift != 6:
            raise BrokenXlsError
        self.size = 1 << shift
        self.sectors = (len(data) - 512 + self.size - 1) // self.size
        fat_count, self.first_directory = struct.unpack_from("<II", data, 0x2C)
        self.mini_cutoff, first_mini_fat, _count, first_difat, difat_count = struct.unpack_from("<IIIII", data, 0x38)
        fat_sectors = self._difat(list(struct.unpack_from("<109I", data, 0x4C)), first_difat, difat_count)
        if fat_count > self.sectors:
            raise BrokenXlsError
        self.fat = self._table(fat_sectors[:fat_count])
        self.mini_fat = self._table(self.chain(first_mini_fat)) if first_mini_fat < _END_OF_CHAIN else []

    def sector(self, number: int) -> bytes:
        if number >= self.sectors:
            raise BrokenXlsError
        start = 512 + number * self.size
        return self.data[start : start + self.size]

    def _difat(self, entries: list[int], first: int, count: int) -> list[int]:
        seen = set()
        while first < _END_OF_CHAIN and count:
            if first in seen or len(seen) > self.sectors:
                raise BrokenXlsError
            seen.add(first)
            words = struct.unpack(f"<{self.size // 4}I", self.sector(first))
            entries.extend(words[:-1])
            first, count = words[-1], count - 1
        return [entry for entry in entries if entry < _END_OF_CHAIN]

    def _table(self, sectors: list[int]) -> list[int]:
        table = []
        for number in sectors:
            table.extend(struct.unpack(f"<{self.size // 4}I", self.sector(number)))
        return table

    def chain(self, first: int, table: list[int] | None = None) -> list[int]:
        table = self.fat if table is None else table
        chain, seen = [], set()
        while first < _END_OF_CHAIN:
            if first in seen or first >= len(table):
                raise BrokenXlsError
            seen.add(first)
            chain.append(first)
            first = table[first]
        return chain

    def stream(self, first: int, size: int, mini_stream: bytes | None = None) -> bytes:
        if mini_stream is not None and size < self.mini_cutoff:
            chunks = [mini_stream[number * 64 : number * 64 + 64] for number in self.chain(first, self.mini_fat)]
        else:
            chunks = [self.sector(number) for number in self.chain(first)]
        data = b"".join(chunks)
        if size > len(data):  # a declared size the stream's sectors cannot hold
            raise BrokenXlsError
        return data[:size]

    def entries(self):
        directory = self.stream(self.first_directory, len(self.chain(self.first_directory)) * self.size)
        for offset in range(0, len(directory) - 127, 128):
            entry = directory[offset : offset + 128]
            name_length = min(struct.unpack_from("<H", entry, 64)[0], 64)
            name = entry[: max(name_length - 2, 0)].decode("utf-16-le", "replace")
            first, size = struct.unpack_from("<II", entry, 116)
            yield name, entry[66], first, size


def _workbook_stream(data: bytes) -> bytes:
    compound = _Compound(data)
    entries = list(compound.entries())
    root = next((entry for entry in entries if entry[1] == 5), None)
    mini_stream = compound.stream(root[2], root[3]) if root and root[2] < _END_OF_CHAIN else b""
    for name, kind, first, size in entries:
        if kind == 2 and name in ("Workbook", "Book"):
            return compound.stream(first, size, mini_stream)
    raise BrokenXlsError
