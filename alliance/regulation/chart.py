"""The profile by principle of an ethics self-check, drawn as SVG on the server (no script, no inline style:
presentation attributes only, so the page's CSP holds and the PDF draws the same picture).

One row per principle: a bar for the share of the principle's maximum points this year, and, when the company
answered in an earlier year, a thinner bar for that year. The SVG has role="img", a title and a description;
the page also shows the same figures as a table.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

WIDTH = 640
LABEL = 120
ROW = 34
TOP = 28
BAR = 14
FONT = "Noto Sans CJK KR, Noto Sans KR, sans-serif"
COLOUR, EARLIER_COLOUR, GRID = "#1f5fa8", "#9bb7d9", "#d8dde3"


@dataclass(frozen=True)
class ProfileRow:
    name: str
    percent: Decimal
    earlier: Decimal | None = None


def profile_svg(rows: list[ProfileRow], *, year: int, earlier_year: int | None = None) -> SafeString:
    span = WIDTH - LABEL - 60
    height = TOP + ROW * len(rows) + 24
    title = _("Profile by principle, %(year)s") % {"year": year}
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
            f'aria-labelledby="profile-title" class="profile-chart" font-family="{FONT}" font-size="13">'
        ),
        f'<title id="profile-title">{escape(title)}</title>',
    ]
    for tick in (0, 25, 50, 75, 100):
        x = LABEL + span * tick / 100
        parts.append(f'<line x1="{x:.1f}" y1="{TOP - 8}" x2="{x:.1f}" y2="{height - 20}" stroke="{GRID}"/>')
        parts.append(f'<text x="{x:.1f}" y="{height - 6}" text-anchor="middle" fill="#555">{tick}%</text>')
    legend = escape(str(year))
    parts.append(f'<rect x="{LABEL}" y="4" width="12" height="12" fill="{COLOUR}"/>')
    parts.append(f'<text x="{LABEL + 18}" y="15">{legend}</text>')
    if earlier_year is not None:
        parts.append(f'<rect x="{LABEL + 80}" y="4" width="12" height="12" fill="{EARLIER_COLOUR}"/>')
        parts.append(f'<text x="{LABEL + 98}" y="15">{escape(str(earlier_year))}</text>')
    for index, row in enumerate(rows):
        y = TOP + index * ROW
        width = span * float(row.percent) / 100
        parts.append(f'<text x="{LABEL - 8}" y="{y + BAR}" text-anchor="end">{escape(row.name)}</text>')
        parts.append(
            f'<rect x="{LABEL}" y="{y + 2}" width="{width:.1f}" height="{BAR}" fill="{COLOUR}">'
            f"<title>{escape(row.name)} {row.percent}%</title></rect>"
        )
        parts.append(f'<text x="{LABEL + width + 6:.1f}" y="{y + BAR}" fill="#222">{row.percent}%</text>')
        if row.earlier is not None:
            earlier_width = span * float(row.earlier) / 100
            parts.append(
                f'<rect x="{LABEL}" y="{y + BAR + 5}" width="{earlier_width:.1f}" height="7" fill="{EARLIER_COLOUR}">'
                f"<title>{escape(row.name)} {escape(str(earlier_year))} {row.earlier}%</title></rect>"
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308  every text above is escaped
