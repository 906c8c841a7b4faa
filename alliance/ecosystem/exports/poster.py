"""The A3 poster of a year's map (landscape orientation, Korean font, WeasyPrint).

Each category box lists its players' names as one paragraph (one text run per box, not one element per
player: 10,000 players render in seconds); players with a revenue of ₩10 billion or more in blue. The
boxes, their widths and the font size come from poster_layout.py, which fits the map on one page; when
the laid-out poster still runs over, it is laid out again one size smaller, at most MAX_ATTEMPTS times.
A map too large for one page at the smallest size continues on further A3 pages.
"""

from alliance.core.pdf import layout_pdf
from alliance.ecosystem.exports.poster_layout import MIN_FONT_PT, layout_poster, smaller_font
from alliance.ecosystem.landscape.grid import Landscape

MAX_ATTEMPTS = 3


def poster_pdf(landscape: Landscape) -> bytes:
    layout = layout_poster(landscape)
    for _attempt in range(MAX_ATTEMPTS):
        document = layout_pdf(
            "ecosystem/exports/poster.html",
            {"landscape": landscape, "layout": layout, "year": landscape.year},
            stylesheets=("css/ecosystem-poster.css",),
            base_stylesheet=False,
            css=layout.css(),
        )
        smaller = smaller_font(layout.font_pt)
        if len(document.pages) == 1 or layout.font_pt <= MIN_FONT_PT or smaller is None:
            break
        layout = layout_poster(landscape, font_pt=smaller)
    return document.write_pdf()
