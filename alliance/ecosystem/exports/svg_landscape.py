"""The landscape as one SVG document (server-side; the page turns it into PNG through a canvas).

Layout: domains one under the other, their layers inside, each layer's boxes in rows of BOX_COLUMNS; a
box lists its players' names in NAME_COLUMNS columns, larger revenue bands in bold. Names only (no
logos): the file stays self-contained, so a browser can draw it on a canvas without tainting it.
"""

import math

from django.utils.html import escape
from django.utils.translation import gettext as _

from alliance.ecosystem.landscape.grid import Landscape

WIDTH = 1600
MARGIN = 20
BOX_COLUMNS = 4
BOX_GAP = 10
NAME_COLUMNS = 3
LINE = 15
BOX_HEAD = 26
FONT = "Noto Sans CJK KR, Noto Sans KR, sans-serif"


def _clip(name: str, limit: int = 14) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def landscape_svg(landscape: Landscape, title: str | None = None) -> str:
    """The whole landscape as an SVG string."""
    title = title or _("Virtual-convergence industry ecosystem map %(year)s") % {"year": landscape.year}
    box_width = (WIDTH - 2 * MARGIN - (BOX_COLUMNS - 1) * BOX_GAP) / BOX_COLUMNS
    column_width = (box_width - 12) / NAME_COLUMNS
    body: list[str] = []
    y = 60
    for domain in landscape.domains:
        domain_top = y
        y += 30
        body.append(
            f'<text x="{MARGIN + 10}" y="{domain_top + 22}" font-size="18" font-weight="700" fill="#3552c8">'
            f"{escape(domain.name)}</text>"
        )
        for layer in domain.layers:
            body.append(
                f'<text x="{MARGIN + 10}" y="{y + 16}" font-size="14" font-weight="700" fill="#1d2433">'
                f"{escape(layer.name)}</text>"
            )
            y += 24
            for start in range(0, len(layer.boxes), BOX_COLUMNS):
                row = layer.boxes[start : start + BOX_COLUMNS]
                row_height = max(BOX_HEAD + math.ceil(len(box.tiles) / NAME_COLUMNS) * LINE + 8 for box in row)
                for index, box in enumerate(row):
                    x = MARGIN + 10 + index * (box_width + BOX_GAP)
                    body.append(
                        f'<rect x="{x:.0f}" y="{y}" width="{box_width - 10:.0f}" height="{row_height}" rx="4" '
                        f'fill="#fbfcff" stroke="#d9dee7"/>'
                        f'<text x="{x + 6:.0f}" y="{y + 18}" font-size="13" font-weight="700" fill="#1d2433">'
                        f"{escape(box.name)} ({len(box.tiles):,})</text>"
                    )
                    for position, tile in enumerate(box.tiles):
                        column, line = position % NAME_COLUMNS, position // NAME_COLUMNS
                        weight = ' font-weight="700"' if tile.band >= 3 else ""
                        body.append(
                            f'<text x="{x + 6 + column * column_width:.0f}" y="{y + BOX_HEAD + 10 + line * LINE}"'
                            f"{weight}>{escape(_clip(tile.name))}</text>"
                        )
                y += row_height + BOX_GAP
        body.append(
            f'<rect x="{MARGIN}" y="{domain_top}" width="{WIDTH - 2 * MARGIN}" height="{y - domain_top}" rx="8" '
            f'fill="none" stroke="#3552c8" stroke-width="2"/>'
        )
        y += 16
    height = y + MARGIN
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'font-family="{FONT}" font-size="11" fill="#1d2433" role="img" aria-labelledby="landscape-title">'
        f'<title id="landscape-title">{escape(title)}</title>'
        f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>'
        f'<text x="{MARGIN}" y="38" font-size="24" font-weight="700">{escape(title)}</text>'
    )
    return head + "".join(body) + "</svg>"
