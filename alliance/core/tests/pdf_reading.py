"""Reading back what a generated PDF holds, for tests (no PDF library is installed: zlib and regexes).

WeasyPrint subsets and embeds each font with a ToUnicode map from glyph codes to characters; the characters
those maps cover are exactly the characters the document shows, so `shown_characters(pdf)` is the set of
characters on its pages and `font_names(pdf)` the embedded fonts.
"""

import re
import zlib

# The line end before `endstream` is "\n" or "\r\n"; a stream whose data ends with a "\r" byte is ambiguous, so
# both readings are tried (taking the "\r" as a line end lost one stream in 256: a flaky page count).
_STREAM = re.compile(rb"stream\r?\n(.*?)(\r?)\nendstream", re.S)
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_HEX = re.compile(rb"<([0-9a-fA-F]+)>")


def inflated(pdf: bytes) -> bytes:
    """The PDF with every Flate stream's decompressed content appended (object streams included)."""
    parts = [pdf]
    for match in _STREAM.finditer(pdf):
        for data in (match.group(1) + match.group(2), match.group(1)):
            try:
                parts.append(zlib.decompress(data))
                break
            except zlib.error:
                continue  # the other reading, or an image or a non-Flate stream
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


# ---------------------------------------------------------------- the text layer, as a PDF reader extracts it

_OBJECT = re.compile(rb"(\d+)\s+0\s+obj\b(.*?)endobj", re.S)
_STREAM_IN = re.compile(rb"^(.*?)stream\r?\n(.*)\r?\nendstream", re.S)
_HEX_OR_EMPTY = re.compile(rb"<([0-9a-fA-F]*)>")
_TEXT_OPS = re.compile(rb"/([^\s/\[\]<>()]+)\s+[-\d.]+\s+Tf|\[(.*?)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\bET\b", re.S)


def _objects(pdf: bytes) -> dict[int, tuple[bytes, bytes | None]]:
    """Every object: number → (its dictionary text, its decompressed stream or None), object streams opened."""
    found: dict[int, tuple[bytes, bytes | None]] = {}
    for number, body in _OBJECT.findall(pdf):
        match = _STREAM_IN.match(body)
        if match is None:
            found[int(number)] = (body, None)
            continue
        head, data = match.groups()
        if b"/FlateDecode" in head:
            data = zlib.decompress(data)
        found[int(number)] = (head, data)
    for head, data in list(found.values()):
        if data is None or not re.search(rb"/Type\s*/ObjStm", head):
            continue
        first = int(re.search(rb"/First\s+(\d+)", head).group(1))
        numbers = [int(value) for value in data[:first].split()]
        pairs = list(zip(numbers[0::2], numbers[1::2], strict=True))
        for index, (number, offset) in enumerate(pairs):
            end = first + pairs[index + 1][1] if index + 1 < len(pairs) else len(data)
            found.setdefault(number, (data[first + offset : end], None))
    return found


def _cmap(data: bytes) -> dict[bytes, str]:
    """A ToUnicode CMap: glyph code (hex, upper case) → the text it stands for."""
    mapping: dict[bytes, str] = {}
    for block in _BFCHAR.findall(data):
        codes = _HEX_OR_EMPTY.findall(block)
        for source, target in zip(codes[0::2], codes[1::2], strict=True):
            mapping[source.upper()] = bytes.fromhex(target.decode()).decode("utf-16-be", "replace")
    for block in _BFRANGE.findall(data):
        codes = _HEX_OR_EMPTY.findall(block)
        for start, end, first in zip(codes[0::3], codes[1::3], codes[2::3], strict=False):
            base = ord(bytes.fromhex(first.decode()).decode("utf-16-be", "replace")[0])
            width = len(start)
            for offset in range(int(end, 16) - int(start, 16) + 1):
                mapping[f"{int(start, 16) + offset:0{width}X}".encode()] = chr(base + offset)
    return mapping


def _font_maps(objects) -> dict[bytes, dict[bytes, str]]:
    """Font resource name → its ToUnicode map."""
    maps = {}
    for number, (head, _data) in objects.items():
        reference = re.search(rb"/ToUnicode\s+(\d+)\s+0\s+R", head)
        if reference and objects.get(int(reference.group(1)), (b"", None))[1] is not None:
            maps[number] = _cmap(objects[int(reference.group(1))][1])
    fonts = {}
    for head, _data in objects.values():
        for name, number in re.findall(rb"/([^\s/\[\]<>()]+)\s+(\d+)\s+0\s+R", head):
            if int(number) in maps:
                fonts[name] = maps[int(number)]
    return fonts


def _text_lines(data: bytes, fonts) -> list[str]:
    """The text objects of one content stream, one line each."""
    lines, font, line = [], {}, []
    for match in _TEXT_OPS.finditer(data):
        if match.group(1) is not None:
            font = fonts.get(match.group(1), {})
        elif match.group(0) == b"ET":
            lines.append("".join(line))
            line = []
        else:
            shown = match.group(2) if match.group(2) is not None else b"<" + match.group(3) + b">"
            for codes in _HEX.findall(shown):
                upper = codes.upper()  # two bytes a glyph (Identity-H, as WeasyPrint writes)
                line.extend(font.get(upper[i : i + 4], "") for i in range(0, len(upper), 4))
    return lines


def text_layer(pdf: bytes) -> str:
    """The text a reader copies or searches (as pdftotext does): each shown glyph through its font's ToUnicode
    map; a glyph without a mapping (a ligature `fl` drawn as one glyph, say) gives nothing, as in poppler's
    `Kube ow`. Text objects are separated by a line break; WORD JOINERs are left out."""
    objects = _objects(pdf)
    fonts = _font_maps(objects)
    lines = []
    for _head, data in objects.values():
        if data is None or b"BT" not in data or b"Tf" not in data:
            continue
        lines.extend(_text_lines(data, fonts))
    return "\n".join(lines).replace("\u2060", "")


def page_texts(pdf: bytes) -> list[str]:
    """The text layer of each page, in page order (the page tree's /Kids), text objects one a line."""
    objects = _objects(pdf)
    fonts = _font_maps(objects)
    root = next(
        head for head, _data in objects.values() if re.search(rb"/Type\s*/Pages\b", head) and b"/Parent" not in head
    )
    kids = re.findall(rb"(\d+)\s+0\s+R", re.search(rb"/Kids\s*\[(.*?)\]", root, re.S).group(1))
    texts = []
    for number in kids:
        contents = re.search(rb"/Contents\s+(\d+)\s+0\s+R", objects[int(number)][0])
        data = objects.get(int(contents.group(1)), (b"", None))[1] or b""
        texts.append("\n".join(_text_lines(data, fonts)).replace("\u2060", ""))
    return texts
