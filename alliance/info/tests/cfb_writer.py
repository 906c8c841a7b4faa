"""A minimal writer of the Compound File Binary format (MS-CFB, version 3), for tests: no library writes OLE
files, and the HWP 5.0 reader must be tested on real ones.

`compound_file({"FileHeader": b"...", "BodyText/Section0": b"..."})` returns the file's bytes: a 512-byte
header, the FAT, the directory (a root, storages for the folders, streams), streams of 4096 bytes or more in
512-byte sectors and the smaller ones in the mini stream (64-byte mini sectors, the mini FAT). Siblings hang
off their parent as a chain of right siblings in the format's name order (length, then upper case), which is
a valid (if unbalanced) binary search tree.
"""

import itertools
import math
import struct

SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SECTOR, MINI_SECTOR, MINI_CUTOFF = 512, 64, 4096
FREESECT, ENDOFCHAIN, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
STORAGE, STREAM, ROOT = 1, 2, 5
ENTRIES_PER_SECTOR = SECTOR // 128
IDS_PER_SECTOR = SECTOR // 4


class _Entry:
    def __init__(self, name: str, kind: int, data: bytes = b""):
        self.name, self.kind, self.data = name, kind, data
        self.children: list[_Entry] = []
        self.left = self.right = self.child = NOSTREAM
        self.start, self.size = ENDOFCHAIN, 0
        self.index = 0


def _order(entry: _Entry):
    return (len(entry.name), entry.name.upper())


def _tree(streams: dict[str, bytes]) -> list[_Entry]:
    root = _Entry("Root Entry", ROOT)
    storages = {"": root}
    for path, data in streams.items():
        parts = path.split("/")
        parent = root
        for depth in range(1, len(parts)):
            key = "/".join(parts[:depth])
            if key not in storages:
                storages[key] = _Entry(parts[depth - 1], STORAGE)
                parent.children.append(storages[key])
            parent = storages[key]
        parent.children.append(_Entry(parts[-1], STREAM, data))
    entries = []

    def walk(entry: _Entry):
        entry.index = len(entries)
        entries.append(entry)
        for child in sorted(entry.children, key=_order):
            walk(child)

    walk(root)
    for entry in entries:
        chain = sorted(entry.children, key=_order)
        if chain:
            entry.child = chain[0].index
        for current, following in itertools.pairwise(chain):
            current.right = following.index
    return entries


def _sectors(data: bytes, size: int) -> int:
    return math.ceil(len(data) / size)


def _pad(data: bytes, size: int) -> bytes:
    return data + b"\0" * (-len(data) % size)


def _directory_entry(entry: _Entry) -> bytes:
    name = entry.name.encode("utf-16-le") + b"\0\0"
    if len(name) > 64:
        raise ValueError(f"name too long for CFB: {entry.name}")
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        name,
        len(name),
        entry.kind,
        1,  # black
        entry.left,
        entry.right,
        entry.child,
        b"\0" * 16,
        0,
        0,
        0,
        entry.start,
        entry.size,
    )


def compound_file(streams: dict[str, bytes]) -> bytes:
    """The bytes of a compound file holding `streams` (paths with `/` between storage names)."""
    entries = _tree(streams)
    body, fat = [], []  # sector contents in order, and the FAT entries of those sectors

    def allocate(data: bytes) -> int:
        first = len(fat)
        count = _sectors(data, SECTOR)
        for offset in range(count):
            fat.append(first + offset + 1 if offset < count - 1 else ENDOFCHAIN)
        body.append(_pad(data, SECTOR))
        return first

    mini_stream, mini_fat = b"", []
    for entry in entries:
        if entry.kind != STREAM:
            continue
        entry.size = len(entry.data)
        if entry.size >= MINI_CUTOFF:
            entry.start = allocate(entry.data)
        else:
            entry.start = len(mini_fat)
            count = _sectors(entry.data, MINI_SECTOR)
            mini_fat.extend(entry.start + offset + 1 if offset < count - 1 else ENDOFCHAIN for offset in range(count))
            mini_stream += _pad(entry.data, MINI_SECTOR)
    root = entries[0]
    if mini_stream:
        root.start, root.size = allocate(mini_stream), len(mini_stream)
    mini_fat_start = allocate(struct.pack(f"<{len(mini_fat)}I", *mini_fat)) if mini_fat else ENDOFCHAIN
    mini_fat_sectors = _sectors(struct.pack(f"<{len(mini_fat)}I", *mini_fat), SECTOR) if mini_fat else 0
    directory_start = allocate(_pad(b"".join(_directory_entry(entry) for entry in entries), 128 * ENTRIES_PER_SECTOR))
    fat_sectors = 1
    while math.ceil((len(fat) + fat_sectors) / IDS_PER_SECTOR) > fat_sectors:
        fat_sectors += 1
    if fat_sectors > 109:
        raise ValueError("too large for a header-only DIFAT")
    fat_start = len(fat)
    fat.extend([FATSECT] * fat_sectors)
    fat.extend([FREESECT] * (fat_sectors * IDS_PER_SECTOR - len(fat)))
    difat = list(range(fat_start, fat_start + fat_sectors)) + [FREESECT] * (109 - fat_sectors)
    header = SIGNATURE + b"\0" * 16
    header += struct.pack(
        "<HHHHH6sIIIIIIIII",
        0x3E,
        3,
        0xFFFE,
        9,
        6,
        b"\0" * 6,
        0,
        fat_sectors,
        directory_start,
        0,
        MINI_CUTOFF,
        mini_fat_start,
        mini_fat_sectors,
        ENDOFCHAIN,
        0,
    )
    header += struct.pack("<109I", *difat)
    assert len(header) == SECTOR
    return header + b"".join(body) + struct.pack(f"<{len(fat)}I", *fat)
