"""Logo files: SVG sanitised to an allow-list and cropped to its drawing; PNG checked with Pillow.

Rules (issue 3, "Logos"):
- An SVG is parsed by lxml with entities, DTD loading and the network switched off; a document with a
  DOCTYPE or an entity declaration is refused outright (no billion laughs, no external entities).
- Only the elements and attributes in the allow-lists below survive; everything else is dropped with its
  content: no <script>, no <foreignObject>, no <image>, no event handlers (on*), no external references.
  An `href`/`xlink:href` must point at an id inside the file (`#id`). CSS (a <style> element, style="" and
  every other attribute value) is dropped whole when it could fetch anything: the only reference allowed
  is `url(#id)`; any other `url(`, `image(`, `image-set(`, `cross-fade(`, `element(`, `src(` (vendor
  prefixes included), `@import`, `@font-face`, `@namespace`, a scheme (`http:`, `https:`, `data:`, `file:`,
  `ftp:`, `javascript:`), a network path `//`, backslash escapes (which could spell any of these) and
  `expression`/`behavior`/`-moz-binding` refuse it.
- Cropping: the viewBox becomes the bounding box of the shapes when it can be computed — every shape is a
  rect, circle, ellipse, line, polyline, polygon or path and nothing carries a transform or text. A path's
  box is that of its end and control points (a Bézier curve stays inside its control points' hull, so the
  box may be a little larger than the ink, never smaller); an arc adds its radii around its end points.
  Otherwise the file keeps its own viewBox (limit: logos drawn with transforms or text are not cropped).
- References are bounded: with every `<use>` and `url(#id)` followed (those of <style> sheets too, by the
  elements their rules may match), the file draws at most 20,000 elements, 8 references deep, and nothing
  refers to what contains it (`svg_references.py`).
- A PNG must open in Pillow as a PNG within the size limits.
- Both: at most LOGO_MAX_BYTES, and the stored name is the SHA-256 of the cleaned bytes.
"""

import hashlib
import io
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from lxml import etree
from PIL import Image, UnidentifiedImageError

from alliance.ecosystem.svg_references import ReferenceBombError, check_references

LOGO_MAX_BYTES = 1024 * 1024
PNG_MAX_SIDE = 4096
SVG_MAX_ELEMENTS = 20_000

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"

ALLOWED_ELEMENTS = frozenset(
    {
        "svg", "g", "defs", "title", "desc", "symbol", "use", "path", "rect", "circle", "ellipse", "line",
        "polyline", "polygon", "text", "tspan", "linearGradient", "radialGradient", "stop", "clipPath", "mask",
        "style",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = frozenset(
    {
        "id", "class", "style", "viewBox", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r",
        "rx", "ry", "fx", "fy", "d", "points", "transform", "fill", "fill-opacity", "fill-rule", "stroke",
        "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit",
        "stroke-dasharray", "stroke-dashoffset", "opacity", "color", "clip-path", "clip-rule", "mask", "offset",
        "stop-color", "stop-opacity", "gradientUnits", "gradientTransform", "spreadMethod", "clipPathUnits",
        "maskUnits", "maskContentUnits", "preserveAspectRatio", "font-family", "font-size", "font-weight",
        "font-style", "text-anchor", "dominant-baseline", "letter-spacing", "dx", "dy", "visibility", "display",
        "href", "version",
    }
)  # fmt: skip
_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.IGNORECASE | re.DOTALL)
_INTERNAL_ID = re.compile(r"^#[A-Za-z_][\w.:-]*$")
# What may fetch, once the allowed `url(#id)` references are taken out (see the module docstring).
_FETCHING_CSS = re.compile(
    r"url\s*\(|image\s*\(|image-set\s*\(|cross-fade\s*\(|element\s*\(|src\s*\("
    r"|@import|@font-face|@namespace|https?:|data:|file:|ftp:|javascript:|//"
    r"|expression|behavior|-moz-binding|\\|<",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_PATH_TOKEN = re.compile(r"[MmLlHhVvCcSsQqTtAaZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


class LogoError(ValueError):
    """A logo that cannot be accepted; the message says why, in the user's language."""


@dataclass(frozen=True)
class CleanLogo:
    content: bytes
    extension: str  # "svg" or "png"
    content_type: str
    sha256: str

    @property
    def filename(self) -> str:
        return f"{self.sha256}.{self.extension}"


def clean_logo(content: bytes, filename: str = "") -> CleanLogo:
    """The accepted form of an uploaded logo (SVG sanitised and cropped, PNG checked), or LogoError."""
    if len(content) > LOGO_MAX_BYTES:
        raise LogoError(_("The logo is larger than 1 MB."))
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        cleaned, extension, content_type = check_png(content), "png", "image/png"
    elif b"<svg" in content[:4096] or filename.lower().endswith(".svg"):
        cleaned, extension, content_type = sanitise_svg(content), "svg", "image/svg+xml"
    else:
        raise LogoError(_("A logo must be an SVG or a PNG file."))
    return CleanLogo(cleaned, extension, content_type, hashlib.sha256(cleaned).hexdigest())


def check_png(content: bytes) -> bytes:
    try:
        with Image.open(io.BytesIO(content)) as image:
            image.verify()
            if image.format != "PNG":
                raise LogoError(_("A logo must be an SVG or a PNG file."))
            width, height = image.size
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise LogoError(_("The PNG file cannot be read: it is damaged or not a PNG.")) from error
    if not (0 < width <= PNG_MAX_SIDE and 0 < height <= PNG_MAX_SIDE):
        raise LogoError(_("A PNG logo may be at most 4096 × 4096 pixels."))
    return content


# ---------------------------------------------------------------- SVG


def sanitise_svg(content: bytes) -> bytes:
    """The SVG reduced to the allow-list, its viewBox cropped to the drawing where computable."""
    head = content[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in content.lower():
        raise LogoError(_("The SVG file may not declare a DOCTYPE or entities."))
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
    )
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as error:
        raise LogoError(_("The SVG file is not well-formed XML (line %(line)s).") % {"line": error.lineno}) from error
    if root is None or _local(root.tag) != "svg" or _namespace(root.tag) not in ("", SVG_NS):
        raise LogoError(_("The file's root element is not <svg>."))
    if sum(1 for _element in root.iter()) > SVG_MAX_ELEMENTS:
        raise LogoError(_("The SVG file has too many elements."))
    cleaned = _clean_element(root)
    try:
        check_references(cleaned)
    except ReferenceBombError as error:
        raise LogoError(str(error)) from error
    box = drawing_box(cleaned)
    if box is not None:
        x0, y0, x1, y1 = box
        cleaned.set("viewBox", f"{_fmt(x0)} {_fmt(y0)} {_fmt(x1 - x0)} {_fmt(y1 - y0)}")
        for size in ("width", "height"):
            cleaned.attrib.pop(size, None)
    return etree.tostring(cleaned, encoding="utf-8", xml_declaration=False)


def _local(tag) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _namespace(tag) -> str:
    return etree.QName(tag).namespace or "" if isinstance(tag, str) else ""


def _safe_css(text: str) -> bool:
    """True when the CSS (or attribute value) can fetch nothing: no reference but `url(#id)`."""
    rest = _URL.sub(lambda match: " " if _INTERNAL_ID.match(match.group(2).strip()) else match.group(0), text)
    return not _FETCHING_CSS.search(rest)


def _clean_attributes(source, target) -> None:
    for name, value in source.attrib.items():
        qname = etree.QName(name)
        local, namespace = qname.localname, qname.namespace
        if namespace not in (None, XLINK_NS) or local not in ALLOWED_ATTRIBUTES:
            continue
        if namespace == XLINK_NS and local != "href":
            continue
        if local == "href":
            if _INTERNAL_ID.match(value.strip()):
                target.set(f"{{{XLINK_NS}}}href" if namespace else "href", value.strip())
            continue
        if not _safe_css(value):
            continue
        target.set(local, value)


def _clean_element(source):
    """A new element tree holding only what the allow-lists admit (SVG namespace, xlink for hrefs)."""
    target = etree.Element(f"{{{SVG_NS}}}{_local(source.tag)}", nsmap={None: SVG_NS, "xlink": XLINK_NS})
    _copy_into(source, target)
    return target


def _copy_into(source, target) -> None:
    _clean_attributes(source, target)
    if _local(source.tag) == "style":
        text = source.text or ""
        target.text = text if _safe_css(text) else ""
        return
    target.text = source.text
    for child in source:
        if not isinstance(child.tag, str):  # comments, processing instructions
            continue
        local = _local(child.tag)
        if _namespace(child.tag) not in ("", SVG_NS) or local not in ALLOWED_ELEMENTS:
            continue
        element = etree.SubElement(target, f"{{{SVG_NS}}}{local}")
        _copy_into(child, element)
        element.tail = child.tail


# ---------------------------------------------------------------- cropping


def _floats(text: str | None) -> list[float]:
    return [float(number) for number in _NUMBER.findall(text or "")]


def _length(element, name: str) -> float | None:
    value = (element.get(name) or "0").strip()
    if value.endswith("%"):
        return None
    numbers = _floats(value)
    return numbers[0] if numbers else 0.0


def _shape_points(element) -> list[tuple[float, float]] | None:  # noqa: PLR0911  one return per shape kind
    """Points whose box contains the shape; None when the shape's extent cannot be computed."""
    kind = _local(element.tag)
    if kind == "rect":
        x, y, w, h = (_length(element, name) for name in ("x", "y", "width", "height"))
        if None in (x, y, w, h):
            return None
        return [(x, y), (x + w, y + h)] if w > 0 and h > 0 else []
    if kind in ("circle", "ellipse"):
        cx, cy = _length(element, "cx"), _length(element, "cy")
        rx = _length(element, "r") if kind == "circle" else _length(element, "rx")
        ry = rx if kind == "circle" else _length(element, "ry")
        if None in (cx, cy, rx, ry):
            return None
        return [(cx - rx, cy - ry), (cx + rx, cy + ry)]
    if kind == "line":
        values = [_length(element, name) for name in ("x1", "y1", "x2", "y2")]
        return None if None in values else [(values[0], values[1]), (values[2], values[3])]
    if kind in ("polyline", "polygon"):
        numbers = _floats(element.get("points"))
        return list(zip(numbers[0::2], numbers[1::2], strict=False))
    if kind == "path":
        return path_points(element.get("d") or "")
    return []


def path_points(d: str) -> list[tuple[float, float]] | None:
    """End and control points of a path in absolute coordinates (arcs widened by their radii)."""
    tokens = _PATH_TOKEN.findall(d)
    points: list[tuple[float, float]] = []
    x = y = start_x = start_y = 0.0
    command = ""
    index = 0
    arity = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "A": 7, "Z": 0}
    while index < len(tokens):
        token = tokens[index]
        if token.isalpha():
            command = token
            index += 1
            if command in "Zz":
                x, y = start_x, start_y
                continue
        elif not command or command in "Zz":
            return None
        upper = command.upper()
        count = arity[upper]
        if index + count > len(tokens) or any(t.isalpha() for t in tokens[index : index + count]):
            return None
        args = [float(t) for t in tokens[index : index + count]]
        index += count
        relative = command.islower()
        if upper == "H":
            x = args[0] + (x if relative else 0)
            points.append((x, y))
        elif upper == "V":
            y = args[0] + (y if relative else 0)
            points.append((x, y))
        elif upper == "A":
            rx, ry = abs(args[0]), abs(args[1])
            end_x = args[5] + (x if relative else 0)
            end_y = args[6] + (y if relative else 0)
            for px, py in ((x, y), (end_x, end_y)):
                points.extend([(px - 2 * rx, py - 2 * ry), (px + 2 * rx, py + 2 * ry)])
            x, y = end_x, end_y
        else:
            base_x, base_y = (x, y) if relative else (0.0, 0.0)
            pairs = [(args[i] + base_x, args[i + 1] + base_y) for i in range(0, count, 2)]
            points.extend(pairs)
            x, y = pairs[-1]
            if upper == "M":
                start_x, start_y = x, y
                command = "l" if relative else "L"  # further pairs after a moveto are linetos
    return points


def drawing_box(root) -> tuple[float, float, float, float] | None:
    """(x0, y0, x1, y1) of every shape outside <defs>/<clipPath>/<mask>/<symbol>; None when not computable."""
    points: list[tuple[float, float]] = []
    skipped = {"defs", "clipPath", "mask", "symbol", "linearGradient", "radialGradient", "title", "desc", "style"}

    def walk(element) -> bool:
        for child in element:
            kind = _local(child.tag)
            if kind in skipped:
                continue
            if child.get("transform") is not None or kind in ("text", "tspan", "use", "svg"):
                return False
            shape = _shape_points(child)
            if shape is None:
                return False
            points.extend(shape)
            if not walk(child):
                return False
        return True

    if root.get("transform") is not None or not walk(root) or not points:
        return None
    # Half the widest stroke lies outside the geometry.
    pad = max((_floats(e.get("stroke-width"))[:1] or [0.0])[0] for e in root.iter() if isinstance(e.tag, str)) / 2
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    box = (min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad)
    return box if box[2] > box[0] and box[3] > box[1] else None


def _fmt(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".") or "0"
