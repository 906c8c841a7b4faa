"""The A3 poster of a year's map (landscape orientation, Korean font, WeasyPrint).

Each category box lists its players' names as one paragraph (one text run per box, not one element per
player: 10,000 players render in seconds); players with a revenue of ₩10 billion or more in blue. Boxes
float side by side and the poster continues on further A3 pages when one page cannot hold them legibly.
"""

from alliance.core.pdf import render_pdf
from alliance.ecosystem.landscape import Landscape


def poster_pdf(landscape: Landscape) -> bytes:
    context = {"landscape": landscape, "year": str(landscape.year)}
    return render_pdf(
        "ecosystem/exports/poster.html", context, stylesheets=("css/ecosystem-poster.css",), base_stylesheet=False
    )
