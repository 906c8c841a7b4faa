"""Reading back what a generated PDF holds, for tests (no PDF library is installed: zlib and regexes).

WeasyPrint subsets and embeds each font with a ToUnicode map from glyph codes to characters; the characters
those maps cover are exactly the characters the document shows, so `shown_characters(pdf)` is the set of
characters on its pages and `font_names(pdf)` the embedded fonts.
"""

import re
import zlib

_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_HEX = re.compile(rb"<([0-9a-fA-F]+)>")


def inflated(pdf: bytes) -> bytes:
    """The PDF with every Flate stream's decompressed content appended (object streams included)."""
    parts = [pdf]
    for match in _STREAM.finditer(pdf):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue  # an image or a non-Flate stream
    return b"\n".join(parts)


def font_names(pdf: bytes) -> set[str]:
    names = re.findall(rb"/FontName\s*/([^\s/>\]]+)", inflated(pdf))
    return {name.decode("latin-1").split("+", 1)[-1] for name in names}


def _character(hex_code: bytes) -> str:
    return bytes.fromhex(hex_code.decode()).decode("utf-16-be")


def shown_characters(pdf: bytes) -> set[str]:
    characters: set[str] = set()
    content = inflated(pdf)
    for block in _BFCHAR.findall(content):
        codes = _HEX.findall(block)
        characters.update(_character(code) for code in codes[1::2])
    for block in _BFRANGE.findall(content):
        codes = _HEX.findall(block)
        for start, end, first in zip(codes[0::3], codes[1::3], codes[2::3], strict=False):
            base = ord(_character(first))
            characters.update(chr(base + offset) for offset in range(int(end, 16) - int(start, 16) + 1))
    return characters


def shows(pdf: bytes, text: str) -> bool:
    """Whether every character of `text` (spaces aside) is on the document's pages."""
    return set(text.replace(" ", "")) <= shown_characters(pdf)


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", inflated(pdf)))


def media_boxes(pdf: bytes) -> list[tuple[float, ...]]:
    boxes = re.findall(rb"/MediaBox\s*\[\s*([-\d.\s]+)\]", inflated(pdf))
    return [tuple(round(float(number), 1) for number in box.split()) for box in boxes]
