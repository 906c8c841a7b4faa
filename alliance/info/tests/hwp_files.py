"""HWP 5.0 documents for tests, written as 한글 writes them: an OLE compound file (cfb_writer.py) holding
FileHeader, DocInfo and BodyText/Section0 (raw deflate when compressed), the body's records carrying the
paragraphs' text in UTF-16LE with the control characters a real document has (the section and column
definitions at the start, a tab, the paragraph end)."""

import struct
import zlib

from alliance.info.tests.cfb_writer import compound_file

HWPTAG_DOCUMENT_PROPERTIES, HWPTAG_PARA_HEADER, HWPTAG_PARA_TEXT = 16, 66, 67
COMPRESSED, PASSWORD, DISTRIBUTION = 0x1, 0x2, 0x4
PLACEHOLDER = "이 문서는 배포용 문서입니다. 한글 2022 이상에서 열어 주십시오."


def record(tag: int, level: int, payload: bytes) -> bytes:
    size = len(payload)
    if size >= 0xFFF:
        return struct.pack("<II", tag | (level << 10) | (0xFFF << 20), size) + payload
    return struct.pack("<I", tag | (level << 10) | (size << 20)) + payload


def _control(code: int, control_id: bytes) -> str:
    """An 8-unit control: the code, the 4-byte control id and 8 bytes of data as 6 units, the code again."""
    data = control_id[::-1] + b"\0" * 8
    return chr(code) + data.decode("utf-16-le") + chr(code)


def paragraph(text: str, *, first: bool = False) -> bytes:
    """A paragraph's records: its header and its text (a tab replaces every `\\t`)."""
    units = (_control(2, b"secd") + _control(2, b"cold")) if first else ""
    units += "".join(_control(9, b"\0\0\0\0") if ch == "\t" else ch for ch in text) + "\r"
    payload = units.encode("utf-16-le")
    header = struct.pack("<IIHBB", len(units), 0, 0, 0, 0) + b"\0" * 10
    return record(HWPTAG_PARA_HEADER, 0, header) + record(HWPTAG_PARA_TEXT, 1, payload)


def deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def file_header(flags: int) -> bytes:
    return b"HWP Document File".ljust(32, b"\0") + struct.pack("<II", 0x05000300, flags) + b"\0" * 216


def hwp_bytes(
    paragraphs: list[str],
    *,
    compressed: bool = True,
    password: bool = False,
    distribution: bool = False,
    extra_sections: list[list[str]] = (),
    raw_section: bytes | None = None,
) -> bytes:
    """An HWP 5.0 file of the paragraphs (and further sections). A distribution document's body holds only
    the placeholder, its text going to ViewText/Section0 (here: bytes nobody can read)."""
    flags = (COMPRESSED if compressed else 0) | (PASSWORD if password else 0) | (DISTRIBUTION if distribution else 0)
    pack = deflate if compressed else (lambda data: data)
    doc_info = record(HWPTAG_DOCUMENT_PROPERTIES, 0, struct.pack("<H", 1) + b"\0" * 24)
    body = [PLACEHOLDER] if distribution else paragraphs
    sections = [body, *extra_sections]
    streams = {"FileHeader": file_header(flags), "DocInfo": pack(doc_info)}
    for index, texts in enumerate(sections):
        content = b"".join(paragraph(text, first=number == 0) for number, text in enumerate(texts))
        streams[f"BodyText/Section{index}"] = raw_section if raw_section is not None else pack(content)
    if distribution:
        streams["ViewText/Section0"] = bytes(range(256)) * 8
    return compound_file(streams)
