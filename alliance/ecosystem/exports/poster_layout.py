"""Fitting the A3 poster on one page: rows of boxes, a width per box, one font size for the names.

Rule:
- Each layer's boxes are set in rows of at most ROW_BOXES, in taxonomy order, the boxes shared out evenly
  over the rows (consecutive layers of one box named like the layer, as an imported landscape file makes them,
  share rows under no layer heading). Within a row a box's width is proportional to the room its text needs (at least
  MIN_SHARE of the row), so the boxes of a row end at about the same height and little paper stays blank.
- The names' font size is the largest of FONT_SIZES_PT at which the estimated height of the whole poster
  fits the printable height of one A3 landscape page. The estimate uses the advance widths of Noto Sans CJK
  KR (Hangul 0.92 em, Latin ~0.55 em) and the line heights fixed in css/ecosystem-poster.css; poster.py
  checks the rendered page count and steps the size down when the estimate was short.
- A map that does not fit at the smallest size (MIN_FONT_PT, still legible in print) continues on further
  pages at that size: 10,000 players need about two pages. A box is never split over two pages (WeasyPrint
  drew the split float's text on both pages: one category's names printed twice).

The geometry constants below mirror css/ecosystem-poster.css; change them together.
"""

import math
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from alliance.ecosystem.landscape.grid import Box, Landscape

MM_PER_PT = 25.4 / 72
PRINTABLE_WIDTH_MM = 420 - 2 * 10  # A3 landscape, 10 mm margins
PRINTABLE_HEIGHT_MM = 297 - 2 * 10
MAX_FONT_PT = 9.0
MIN_FONT_PT = 4.0
FONT_SIZES_PT = tuple(MAX_FONT_PT - 0.25 * step for step in range(int((MAX_FONT_PT - MIN_FONT_PT) / 0.25) + 1))
ROW_BOXES = 6
MIN_SHARE = 0.08
BOX_GAP_SHARE = 0.006  # margin-right of a box, as a share of the layer's width

# Heights and widths in mm unless named otherwise (css/ecosystem-poster.css).
TITLE_HEIGHT = 20 * MM_PER_PT * 1.25 + 3 + 6 * MM_PER_PT * 1.3 + 2
DOMAIN_FRAME = 2 * 0.6 + 2 * 1.5 + 3  # borders, padding, margin below
DOMAIN_HEADING = 12 * MM_PER_PT * 1.25 + 1
LAYER_HEADING = 8.5 * MM_PER_PT * 1.25 + 2
LAYER_WIDTH = PRINTABLE_WIDTH_MM - 2 * (0.6 + 2)
BOX_FRAME_WIDTH = 2 * (1 + 0.2)  # padding and border, left and right
BOX_FRAME_HEIGHT = 2 * (1 + 0.2) + 1.5  # padding and border, top and bottom, margin below
HEADING_EM = 1.27  # a box's heading, relative to the names
HEADING_LINE = 1.25
NAME_LINE = 1.3
EMPHASIS_EM = 1.15  # names of revenue band 3 and above
SEPARATOR = "\u00a0· "  # the dot stays with the name before it: a line never starts with one
SEPARATOR_EM = 0.224 + 0.561 + 0.224
WRAP_SLACK = 1.04  # a line breaks a little before the box edge, more often in Latin names
SAFETY = 0.97


def text_em(text: str) -> float:
    """Advance width of a text in em of Noto Sans CJK KR (wide characters 1, Hangul 0.92, Latin ~0.55)."""
    width = 0.0
    for character in text:
        code = ord(character)
        if 0xAC00 <= code <= 0xD7A3:
            width += 0.92
        elif code >= 0x1100:
            width += 1.0
        elif character == " ":
            width += 0.224
        elif character.isupper():
            width += 0.64
        elif character in ".,:;'|!":
            width += 0.28
        else:
            width += 0.55
    return width


def emphasised(band: int) -> bool:
    return band >= 3


def unbreakable(name: str) -> str:
    """A name that lines break around, not inside: Pango breaks Korean between any two syllables and does not
    honour `word-break: keep-all`, so the characters are joined by WORD JOINER (zero width, left out when the
    PDF's text is copied or searched) and spaces made non-breaking."""
    return "\u2060".join(name.replace(" ", "\u00a0"))


@dataclass
class PosterBox:
    """A category's box on the poster: its heading and names as set, and the room they need in em."""

    pk: int
    heading: str
    names: SafeString  # one paragraph: the names joined by SEPARATOR, band 3 and above in <span class="k">
    heading_em: float
    names_em: float
    width: float = 100.0  # per cent of the layer's width

    @property
    def demand(self) -> float:
        return self.names_em + self.heading_em * HEADING_EM


def poster_box(box: Box) -> PosterBox:
    parts, names_em = [], SEPARATOR_EM * max(len(box.tiles) - 1, 0)
    for tile in box.tiles:
        name = escape(unbreakable(tile.name))
        if emphasised(tile.band):
            parts.append(f'<span class="k">{name}</span>')
            names_em += text_em(tile.name) * EMPHASIS_EM
        else:
            parts.append(name)
            names_em += text_em(tile.name)
    heading = f"{box.name} ({len(box.tiles):,})"
    # Safe: every name is escaped above and the only markup is the span this function writes.
    names = mark_safe(SEPARATOR.join(parts))  # noqa: S308
    return PosterBox(pk=box.pk, heading=heading, names=names, heading_em=text_em(heading), names_em=names_em)


def split_rows(boxes: list, limit: int = ROW_BOXES) -> list[list]:
    """The boxes in order, in as few rows of at most `limit` as possible, the rows as even as possible."""
    if not boxes:
        return []
    count = math.ceil(len(boxes) / limit)
    size, extra = divmod(len(boxes), count)
    rows, start = [], 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        rows.append(boxes[start:end])
        start = end
    return rows


def row_shares(demands: list[float], minimum: float = MIN_SHARE) -> list[float]:
    """Shares of a row's usable width (summing to 1), proportional to demand and none below `minimum`."""
    minimum = min(minimum, 1 / len(demands))
    fixed: set[int] = set()
    while True:
        free = 1 - minimum * len(fixed)
        rest = sum(demand for index, demand in enumerate(demands) if index not in fixed)
        shares = [
            minimum if index in fixed else (free * demand / rest if rest else free / (len(demands) - len(fixed)))
            for index, demand in enumerate(demands)
        ]
        below = {index for index, share in enumerate(shares) if share < minimum and index not in fixed}
        if not below:
            return shares
        fixed |= below


@dataclass
class PosterLayout:
    font_pt: float
    # [(domain name, [(layer name, rows of boxes)])], in taxonomy order: what the template sets.
    sections: list[tuple[str, list[tuple[str, list[list[PosterBox]]]]]]
    estimated_height_mm: float

    @property
    def boxes(self) -> list[PosterBox]:
        return [box for _domain, layers in self.sections for _layer, rows in layers for row in rows for box in row]

    def css(self) -> str:
        rules = [f"body {{ font-size: {self.font_pt:g}pt; }}"]
        rules += [f"#box-{box.pk} {{ width: {box.width:.2f}%; }}" for box in self.boxes]
        return "\n".join(rules)


def _box_height(box: PosterBox, em_mm: float) -> float:
    inner = max(box.width / 100 * LAYER_WIDTH - BOX_FRAME_WIDTH, em_mm)
    heading_lines = math.ceil(box.heading_em * HEADING_EM * em_mm * WRAP_SLACK / inner)
    name_lines = math.ceil(box.names_em * em_mm * WRAP_SLACK / inner)
    return heading_lines * HEADING_EM * HEADING_LINE * em_mm + name_lines * NAME_LINE * em_mm + BOX_FRAME_HEIGHT


def _layer_groups(layers) -> list[tuple[str, list]]:
    """(heading, boxes) of a domain's layers. A layer holding one box named like itself (an imported landscape
    file's category is a layer and a category of the same name) says its name once, on its box: consecutive such
    layers share rows under no heading, so a file of 15 categories takes 3 rows, not 15 headed full-width ones."""
    groups: list[tuple[str, list]] = []
    for layer in layers:
        alone = len(layer.boxes) == 1 and layer.boxes[0].name == layer.name
        if alone and groups and groups[-1][0] == "":
            groups[-1][1].append(layer.boxes[0])
        else:
            groups.append(("" if alone else layer.name, list(layer.boxes)))
    return groups


def layout_poster(landscape: Landscape, font_pt: float | None = None) -> PosterLayout:
    """Rows and widths of the poster's boxes, at `font_pt` or at the largest size estimated to fit one page."""
    sections = [
        (
            domain.name,
            [
                (heading, split_rows([poster_box(box) for box in boxes]))
                for heading, boxes in _layer_groups(domain.layers)
            ],
        )
        for domain in landscape.domains
    ]
    for row in (row for _domain, layers in sections for _layer, rows in layers for row in rows):
        usable = 1 - BOX_GAP_SHARE * len(row)
        for box, share in zip(row, row_shares([box.demand for box in row]), strict=True):
            # Rounded down to the hundredth, so a row's floats never add up to more than its width.
            box.width = math.floor(share * usable * 10_000) / 100

    def height(size: float) -> float:
        em_mm = size * MM_PER_PT
        total = TITLE_HEIGHT
        for _domain, layers in sections:
            total += DOMAIN_FRAME + DOMAIN_HEADING
            for layer, layer_rows in layers:
                total += (LAYER_HEADING if layer else 0) + sum(
                    max(_box_height(box, em_mm) for box in row) for row in layer_rows
                )
        return total

    if font_pt is None:
        fitting = (size for size in FONT_SIZES_PT if height(size) <= PRINTABLE_HEIGHT_MM * SAFETY)
        font_pt = next(fitting, MIN_FONT_PT)
    return PosterLayout(font_pt=font_pt, sections=sections, estimated_height_mm=height(font_pt))


def smaller_font(font_pt: float) -> float | None:
    """The next size down in FONT_SIZES_PT, None below the smallest."""
    return next((size for size in FONT_SIZES_PT if size < font_pt), None)
