"""The positioning chart "핵심 플레이어들의 위치" drawn as SVG on the server (no chart library).

Rules:
- x: the technology score (0–100, scoring.py); y: revenue in 백만원 on a log₁₀ scale (players without a
  positive revenue cannot sit on a log axis: they are counted and listed below the chart, not drawn).
- Bubble area grows with employees (radius ∝ √employees, 3–22 px; unknown employees → the smallest).
- Key players are labelled: the KEY_PLAYERS largest by revenue, plus any others among the top by score;
  a label goes beside its bubble where it overlaps no other label (right, left, above, below), else it is
  left out (the name stays in the bubble's tooltip and in the table under the chart).
- The SVG is accessible: role="img" with a title and description, one <title> per bubble; the page also
  shows the same players as a table.
- Company figures follow core/figures.py: a player whose exact figures the viewer may not see
  (`exact_for(pk)` false: the public, other companies) is drawn, ordered and labelled by its bands only — at
  its revenue band's middle, with its employee band's floor as bubble size — so neither the page, the SVG's
  coordinates nor its titles carry an exact figure.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from alliance.core.figures import EMPLOYEE_BANDS, band_revenue, shown_figures
from alliance.ecosystem.landscape.grid import Landscape, Tile

KEY_PLAYERS = 10
WIDTH, HEIGHT = 900, 560
LEFT, RIGHT, TOP, BOTTOM = 80, 30, 40, 60
FONT = "Noto Sans CJK KR, Noto Sans KR, sans-serif"


@dataclass(frozen=True)
class Point:
    pk: int
    name: str
    score: float
    revenue: int  # as drawn: exact, or the middle of its band
    employees: int | None  # as drawn: exact, or its band's floor
    is_member: bool
    key: bool = False
    revenue_text: str = ""  # what the viewer may read: the exact figure or the band
    employees_text: str = ""


@dataclass(frozen=True)
class ChartData:
    title: str
    points: list[Point]
    not_drawn: int  # players without a positive revenue


def _drawn(tile: Tile, exact: bool) -> Point:
    """A tile as the viewer may see it (core/figures.py): exact, or banded."""
    shown = shown_figures(revenue=tile.revenue, employees=tile.employees, exact=exact)
    if exact:
        revenue, employees = tile.revenue, tile.employees
    else:
        revenue = band_revenue(shown.revenue_band)
        employees = None if shown.employees_band is None else EMPLOYEE_BANDS[shown.employees_band][2]
    return Point(
        tile.pk,
        tile.name,
        tile.score,
        revenue,
        employees,
        tile.is_member,
        revenue_text=shown.revenue_text,
        employees_text=shown.employees_text,
    )


def _public(_pk: int) -> bool:
    return False


def chart_data(
    landscape: Landscape, category_pk: int | None = None, *, exact_for: Callable[[int], bool] = _public
) -> ChartData | None:
    """The players of one category (or all) as chart points; None when the category is not on the map.
    `exact_for(player pk)`: whether the viewer may see that player's exact figures (default: nobody)."""
    if category_pk is None:
        tiles, title = landscape.tiles, _("All categories")
    else:
        box = landscape.box(category_pk)
        if box is None:
            return None
        tiles, title = box.tiles, " › ".join(box.path)
    drawable = [_drawn(tile, exact_for(tile.pk)) for tile in tiles if tile.revenue and tile.revenue > 0]
    by_revenue = sorted(drawable, key=lambda point: (-point.revenue, point.name))[:KEY_PLAYERS]
    by_score = sorted(drawable, key=lambda point: (-point.score, point.name))[: KEY_PLAYERS // 2]
    keys = {point.pk for point in (*by_revenue, *by_score)}
    points = [
        replace(point, key=point.pk in keys)
        for point in sorted(drawable, key=lambda point: (point.pk not in keys, -point.revenue, point.name))
    ]
    return ChartData(title=str(title), points=points, not_drawn=len(tiles) - len(drawable))


def _radius(employees: int | None) -> float:
    return min(22.0, max(3.0, math.sqrt(employees or 0) * 1.2))


def text_width(text: str, size: float = 12) -> float:
    """Roughly how wide `text` is drawn: Hangul and other wide characters ~1 em, the rest ~0.6 em."""
    return sum(size if ord(char) > 0x2E80 else size * 0.6 for char in text)


def _overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def label_spot(name: str, x: float, y: float, r: float, placed: list) -> tuple | None:
    """(x, y, text-anchor, box) for a label beside its bubble that overlaps no label already placed and
    stays inside the plot: right, left, above, below, in that order; None when none is free."""
    width, height = text_width(name), 14
    candidates = (
        (x + r + 3, y + 4, "start", (x + r + 3, y - 10, x + r + 3 + width, y + 4)),
        (x - r - 3, y + 4, "end", (x - r - 3 - width, y - 10, x - r - 3, y + 4)),
        (x, y - r - 4, "middle", (x - width / 2, y - r - 4 - height, x + width / 2, y - r - 4)),
        (x, y + r + 14, "middle", (x - width / 2, y + r, x + width / 2, y + r + height)),
    )
    for text_x, text_y, anchor, box in candidates:
        inside = box[0] >= LEFT and box[2] <= WIDTH - RIGHT and box[1] >= TOP and box[3] <= HEIGHT - BOTTOM
        if inside and not any(_overlaps(box, other) for other in placed):
            return text_x, text_y, anchor, box
    return None


def revenue_ticks(low: float, high: float) -> list[int]:
    """Powers of ten (in 백만원) spanning [low, high]."""
    first, last = math.floor(math.log10(low)), math.ceil(math.log10(high))
    if first == last:
        last += 1
    return [10**exponent for exponent in range(first, last + 1)]


def _decimal(value: float) -> str:
    return f"{value:,.1f}".removesuffix(".0")


def revenue_label(million: int) -> str:
    """A revenue given in 백만원, in the units its readers say: Korean 1억 and 1조 units below and above,
    만원 under 1억 (10 → 1,000만원, 2,350 → 23.5억원, 1,200,000 → 1.2조원); English million, billion and
    trillion won (₩10 million, ₩2.4 billion, ₩1.2 trillion). The two languages count in different units
    (10⁴ against 10³), so no one message with an amount in it can serve both."""
    if translation.get_language().startswith("ko"):
        if million >= 1_000_000:
            return f"{_decimal(million / 1_000_000)}조원"
        if million >= 100:
            return f"{_decimal(million / 100)}억원"
        return f"{million * 100:,}만원"
    if million >= 1_000_000:
        return f"₩{_decimal(million / 1_000_000)} trillion"
    if million >= 1_000:
        return f"₩{_decimal(million / 1_000)} billion"
    return f"₩{million:,} million"


def chart_svg(data: ChartData) -> str:
    """The chart as a standalone SVG document (also inlined in the page and exported)."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    revenues = [point.revenue for point in data.points] or [1, 1000]
    ticks = revenue_ticks(min(revenues), max(revenues))
    log_low, log_high = math.log10(ticks[0]), math.log10(ticks[-1])

    def x_of(score: float) -> float:
        return LEFT + plot_w * max(0.0, min(100.0, score)) / 100

    def y_of(revenue: int) -> float:
        return TOP + plot_h * (1 - (math.log10(revenue) - log_low) / (log_high - log_low))

    title = escape(_("Positions of the key players") + " · " + data.title)
    description = escape(
        _("Technology score (horizontal) against revenue (vertical, logarithmic); bubble size shows employees.")
    )
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
            f'height="{HEIGHT}" role="img" aria-labelledby="chart-title chart-desc" '
            f'font-family="{FONT}" font-size="12">'
        ),
        f'<title id="chart-title">{title}</title><desc id="chart-desc">{description}</desc>',
        f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        f'<text x="{LEFT}" y="24" font-size="16" font-weight="700" fill="#1d2433">{title}</text>',
    ]
    for score in range(0, 101, 20):
        x = x_of(score)
        parts.append(
            f'<line x1="{x:.1f}" y1="{TOP}" x2="{x:.1f}" y2="{TOP + plot_h}" stroke="#e5e8ef"/>'
            f'<text x="{x:.1f}" y="{TOP + plot_h + 18}" text-anchor="middle" fill="#5b6475">{score}</text>'
        )
    for tick in ticks:
        y = y_of(tick)
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{LEFT + plot_w}" y2="{y:.1f}" stroke="#e5e8ef"/>'
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#5b6475">'
            f"{escape(revenue_label(tick))}</text>"
        )
    x_title, y_title = escape(_("Technology score")), escape(_("Revenue (log scale)"))
    middle = TOP + plot_h / 2
    parts.append(
        f'<text x="{LEFT + plot_w / 2:.0f}" y="{HEIGHT - 14}" text-anchor="middle" fill="#1d2433">{x_title}</text>'
        f'<text x="16" y="{middle:.0f}" text-anchor="middle" fill="#1d2433" '
        f'transform="rotate(-90 16 {middle:.0f})">{y_title}</text>'
    )
    for point in reversed(data.points):  # key players last, on top
        x, y, r = x_of(point.score), y_of(point.revenue), _radius(point.employees)
        fill = "#12a4a4" if point.is_member else "#3552c8"
        label = escape(f"{point.name}: {point.score:.0f} · {point.revenue_text}")
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{fill}" fill-opacity="0.35" stroke="{fill}">'
            f"<title>{label}</title></circle>"
        )
    placed: list[tuple[float, float, float, float]] = []
    for point in data.points:  # key players first: the largest revenues claim their places first
        if not point.key:
            continue
        x, y, r = x_of(point.score), y_of(point.revenue), _radius(point.employees)
        spot = label_spot(point.name, x, y, r, placed)
        if spot is None:
            continue  # no free place near the bubble: its name stays in the bubble's title and the table
        text_x, text_y, anchor, box = spot
        placed.append(box)
        parts.append(
            f'<text x="{text_x:.1f}" y="{text_y:.1f}" text-anchor="{anchor}" font-weight="600" '
            f'fill="#1d2433" stroke="#ffffff" stroke-width="3" paint-order="stroke">{escape(point.name)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
