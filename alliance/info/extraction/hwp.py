"""Text of an HWP 5.0 file (한글's binary format: an OLE compound file), with olefile (BSD) and zlib.

The layout (Hancom's published HWP 5.0 format description):
- `FileHeader` (256 bytes): the signature "HWP Document File", the version, and property flags — bit 0 the
  body is compressed, bit 1 password-protected, bit 2 a distribution document (배포용 문서);
- `BodyText/Section0`, `Section1`, …: the body, raw-deflated when compressed, as records; each record
  opens with 32 bits: tag id (10 bits), level (10), size (12; 0xFFF means the size follows in 32 bits);
- a HWPTAG_PARA_TEXT record (tag 67) holds a paragraph's text in UTF-16LE, with control characters below
  32 inline: the "extended" and "inline" controls take 8 code units (the code, 12 bytes of data, the code
  again) and are skipped; tab, line break and paragraph end become whitespace.
A distribution document keeps its real text encrypted in `ViewText/` and shows a placeholder ("this document
is for distribution") in its body: it is recorded as locked and the placeholder never indexed. A password-
protected one is recorded as encrypted. Sizes are bounded before inflating and while reading records.
"""

import re
import struct
import zlib

import olefile
from django.utils.translation import gettext as _

from alliance.core.korean import size_label
from alliance.info.extraction.limits import LockedFileError, UnreadableFileError, limit
from alliance.info.extraction.text import Extracted, TextCollector
from alliance.info.models.archive import ExtractionState

SIGNATURE = b"HWP Document File"
FLAG_COMPRESSED, FLAG_PASSWORD, FLAG_DISTRIBUTION = 0x1, 0x2, 0x4
HWPTAG_PARA_TEXT = 67
# Controls that occupy 8 UTF-16 code units (the code, 6 units of data, the code again).
EIGHT_UNIT_CONTROLS = frozenset({1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23})
WHITESPACE_CONTROLS = {9: "\t", 10: "\n", 13: "\n", 24: "-", 30: " ", 31: " "}
_SECTION = re.compile(r"^Section(\d+)$")


def read_header(ole) -> int:
    """The FileHeader's property flags; UnreadableFileError when the signature is not HWP 5.0's."""
    if not ole.exists("FileHeader"):
        raise UnreadableFileError(_("The file has no FileHeader: it is not an HWP 5.0 document."))
    header = ole.openstream("FileHeader").read(256)
    if len(header) < 40 or not header.startswith(SIGNATURE):
        raise UnreadableFileError(_("The file is not an HWP 5.0 document (its signature is missing)."))
    return struct.unpack_from("<I", header, 36)[0]


def inflate(data: bytes, name: str) -> bytes:
    """A raw-deflated stream, refused once it grows past MAX_HWP_STREAM_BYTES."""
    maximum = limit("MAX_HWP_STREAM_BYTES")
    inflater = zlib.decompressobj(-15)
    try:
        inflated = inflater.decompress(data, maximum + 1)
    except zlib.error as error:
        message = _("The section %(name)s is damaged (it does not inflate).") % {"name": name}
        raise UnreadableFileError(message) from error
    if len(inflated) > maximum or inflater.unconsumed_tail:
        raise UnreadableFileError(
            _("The section %(name)s inflates to more than %(limit)s.") % {"name": name, "limit": size_label(maximum)}
        )
    return inflated


def records(data: bytes):
    """(tag id, level, payload) of each record of a section, refusing a record that runs past the end."""
    position, end = 0, len(data)
    while position + 4 <= end:
        (header,) = struct.unpack_from("<I", data, position)
        position += 4
        tag, level, size = header & 0x3FF, (header >> 10) & 0x3FF, header >> 20
        if size == 0xFFF:
            if position + 4 > end:
                raise UnreadableFileError(_("A record of the body is cut short: the file is damaged."))
            (size,) = struct.unpack_from("<I", data, position)
            position += 4
        if position + size > end:
            raise UnreadableFileError(_("A record of the body is cut short: the file is damaged."))
        yield tag, level, data[position : position + size]
        position += size


def paragraph_text(payload: bytes) -> str:
    """A PARA_TEXT record's text without its control characters."""
    units = struct.unpack(f"<{len(payload) // 2}H", payload[: len(payload) // 2 * 2])
    out, index = [], 0
    while index < len(units):
        unit = units[index]
        if unit >= 32:
            out.append(chr(unit))
            index += 1
            continue
        if unit in WHITESPACE_CONTROLS:
            out.append(WHITESPACE_CONTROLS[unit])
        index += 8 if unit in EIGHT_UNIT_CONTROLS else 1
    return "".join(out).encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def section_streams(ole) -> list[list[str]]:
    """The body's section streams in order (Section0, Section1, …)."""
    found = []
    for path in ole.listdir(streams=True, storages=False):
        if len(path) == 2 and path[0] == "BodyText" and (match := _SECTION.match(path[1])):
            found.append((int(match[1]), path))
    if len(found) > limit("MAX_HWP_SECTIONS"):
        raise UnreadableFileError(
            _("The document has %(count)s sections; at most %(limit)s are read.")
            % {"count": f"{len(found):,}", "limit": f"{limit('MAX_HWP_SECTIONS'):,}"}
        )
    return [path for _number, path in sorted(found)]


def extract_hwp(stream) -> Extracted:
    try:
        if not olefile.isOleFile(stream):
            raise UnreadableFileError(_("The file is not an HWP 5.0 document (not an OLE compound file)."))
        stream.seek(0)
        with olefile.OleFileIO(stream) as ole:
            return _read(ole)
    except (OSError, ValueError, struct.error, IndexError) as error:
        raise UnreadableFileError(_("The HWP file is damaged and its text cannot be read.")) from error


def _read(ole) -> Extracted:
    flags = read_header(ole)
    if flags & FLAG_PASSWORD:
        raise LockedFileError(ExtractionState.ENCRYPTED, _("The HWP file is protected by a password."))
    if flags & FLAG_DISTRIBUTION:
        raise LockedFileError(
            ExtractionState.DISTRIBUTION_LOCKED,
            _("The HWP file is a distribution document: its text is locked and is not read."),
        )
    sections = section_streams(ole)
    if not sections:
        raise UnreadableFileError(_("The document has no body (BodyText/Section0)."))
    collector = TextCollector()
    for path in sections:
        if ole.get_size(path) > limit("MAX_HWP_STREAM_BYTES"):
            raise UnreadableFileError(_("The section %(name)s is too large.") % {"name": "/".join(path)})
        data = ole.openstream(path).read()
        if flags & FLAG_COMPRESSED:
            data = inflate(data, "/".join(path))
        for tag, _level, payload in records(data):
            if tag == HWPTAG_PARA_TEXT:
                collector.add(paragraph_text(payload).rstrip("\n"))
        if collector.full:
            break
    return collector.result()
