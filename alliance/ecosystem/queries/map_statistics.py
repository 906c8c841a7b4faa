"""Statistics of a year's map: players and revenue per layer and category; regions, size, age; the years.

Rules (issue 3, "Statistics"; seed 003 tables 5–6 and figure 9):
- Counted are the players on the map (confirmed placements). Revenue is the placement's (백만원), summed
  over players that report one.
- Regions: the 17 시·도 in the member statistics' order (capital area first), 미상 for no region; size and
  age bands are the member statistics' (alliance/members/statistics.py SIZE_BANDS / AGE_BANDS), age as the
  map's year minus the founding year. Shares are in tenths by the largest-remainder method, as there.
- The map of Korea is a tile-grid cartogram: one equal square per 시·도 placed roughly where it lies,
  shaded in five steps by the square root of its count relative to the largest (none; then four steps, so
  that the capital area does not leave every other 시·도 in the same pale shade).
- Change over the years: players and revenue per domain for every year — from the published snapshot
  where the year has one (what was published does not move), else from the year's confirmed placements.
"""

import math
from dataclasses import dataclass

from django.db.models import Count, Sum
from django.utils.html import escape
from django.utils.translation import gettext as _

from alliance.core.figures import ShownTotal, shown_total, withheld_parts, withheld_text, withheld_whole
from alliance.core.regions import SIDO, SIDO_BY_SHORT, STATISTICS_SIDO_ORDER
from alliance.ecosystem.landscape.grid import Landscape
from alliance.ecosystem.models import Level, Placement, Snapshot, TaxonomyNode
from alliance.members.statistics import AGE_BANDS, SIZE_BANDS, UNKNOWN, largest_remainder_tenths, tenths_to_percent


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    count: int
    revenue: int = 0
    share: object = None
    kind: str = "row"  # row / subtotal / total


def _with_shares(leaves: list[tuple[str, str, int]]) -> list[Row]:
    shares = largest_remainder_tenths([count for _key, _label, count in leaves])
    rows = [
        Row(key, label, count, share=tenths_to_percent(share))
        for (key, label, count), share in zip(leaves, shares, strict=True)
    ]
    total = sum(row.count for row in rows)
    return [*rows, Row("계", _("Total"), total, share=tenths_to_percent(1000 if total else 0), kind="total")]


@dataclass(frozen=True)
class CategoryRow:
    """A category (or a layer's subtotal, or the total): its players, and the totals of their revenue (백만원) and
    employees as the viewer may see them (core/figures.py, "Totals")."""

    key: str
    label: str
    count: int
    revenue: ShownTotal
    employees: ShownTotal
    kind: str = "row"  # row / subtotal / total


def _reported(tiles, figure: str) -> tuple[int, int]:
    """(total, companies reporting) of a tile figure over `tiles`."""
    values = [getattr(tile, figure) for tile in tiles if getattr(tile, figure) is not None]
    return sum(values), len(values)


def _totals(tiles_of_parts: list[list], figure: str, *, exact: bool) -> tuple[list[ShownTotal], ShownTotal]:
    """The parts' totals and their whole's, the parts hidden beside the whole by `withheld_parts`."""
    parts = [_reported(tiles, figure) for tiles in tiles_of_parts]
    hidden = withheld_parts([companies for _total, companies in parts], exact=exact)
    shown = [
        shown_total(total, companies=companies, exact=exact, withhold=index in hidden)
        for index, (total, companies) in enumerate(parts)
    ]
    total, companies = _reported([tile for tiles in tiles_of_parts for tile in tiles], figure)
    return shown, shown_total(total, companies=companies, exact=exact)


def category_rows(landscape: Landscape, *, exact: bool) -> list[CategoryRow]:
    """Per category (under its layer, with a layer subtotal), and the total. `exact`: the viewer sees every
    total (staff); otherwise a total over too few reporting companies is withheld, and so is a category's
    beside its layer's subtotal when the subtotal would give it away; and the total of the whole map when the
    withheld layers together hold too few companies."""
    rows, layer_tiles, layer_totals = [], [], {"revenue": [], "employees": []}
    for domain in landscape.domains:
        for layer in domain.layers:
            tiles = [box.tiles for box in layer.boxes]
            revenue, revenue_subtotal = _totals(tiles, "revenue", exact=exact)
            employees, employees_subtotal = _totals(tiles, "employees", exact=exact)
            for index, box in enumerate(layer.boxes):
                rows.append(
                    CategoryRow(" › ".join(box.path), box.name, len(box.tiles), revenue[index], employees[index])
                )
            name = f"{domain.name} › {layer.name}"
            rows.append(
                CategoryRow(name, name, sum(map(len, tiles)), revenue_subtotal, employees_subtotal, kind="subtotal")
            )
            layer_tiles.append([tile for box_tiles in tiles for tile in box_tiles])
            layer_totals["revenue"].append(revenue_subtotal)
            layer_totals["employees"].append(employees_subtotal)
    whole = {figure: _whole(layer_tiles, layer_totals[figure], figure, exact=exact) for figure in layer_totals}
    tiles = landscape.tiles
    rows.append(CategoryRow("계", _("Total"), len(tiles), whole["revenue"], whole["employees"], kind="total"))
    return rows


def _whole(layer_tiles: list[list], layer_totals: list[ShownTotal], figure: str, *, exact: bool) -> ShownTotal:
    """The map's total of `figure`, withheld too when the withheld layers together hold too few companies."""
    total, companies = _reported([tile for tiles in layer_tiles for tile in tiles], figure)
    withhold = withheld_whole([shown.companies for shown in layer_totals], exact=exact)
    return shown_total(total, companies=companies, exact=exact, withhold=withhold)


def region_rows(landscape: Landscape) -> list[Row]:
    counts: dict[str, int] = {}
    for tile in landscape.tiles:
        counts[tile.region or UNKNOWN] = counts.get(tile.region or UNKNOWN, 0) + 1
    order = [SIDO_BY_SHORT[short] for short in STATISTICS_SIDO_ORDER]
    leaves = [(sido.short, sido.official, counts.get(sido.short, 0)) for sido in order]
    leaves.append((UNKNOWN, _("Unknown"), counts.get(UNKNOWN, 0)))
    return _with_shares(leaves)


def _banded(values: list[int | None], bands) -> list[Row]:
    counts = [0] * (len(bands) + 1)
    for value in values:
        index = len(bands)
        if value is not None:
            for position, (_key, _label, low, high) in enumerate(bands):
                if value >= low and (high is None or value <= high):
                    index = position
                    break
        counts[index] += 1
    leaves = [(key, str(label), counts[i]) for i, (key, label, _low, _high) in enumerate(bands)]
    leaves.append((UNKNOWN, _("Unknown"), counts[-1]))
    return _with_shares(leaves)


def size_rows(landscape: Landscape) -> list[Row]:
    return _banded([tile.employees for tile in landscape.tiles], SIZE_BANDS)


def age_rows(landscape: Landscape) -> list[Row]:
    ages = [max(0, landscape.year - t.founded_year) if t.founded_year else None for t in landscape.tiles]
    return _banded(ages, AGE_BANDS)


@dataclass(frozen=True)
class YearRow:
    year: int
    domains: dict[str, tuple[int, int]]  # domain name → (players, revenue); the pages show the players only
    players: int
    revenue: ShownTotal  # the year's total as the viewer may see it (core/figures.py, "Totals")
    published: bool = False


def _year_figures(snapshots) -> dict[int, dict[tuple[str, str], list[int]]]:
    """Per year and (domain, layer): [players, revenue, companies reporting a revenue] — from the published
    snapshot where the year has one, else from its confirmed placements (subcategory placements climb to
    their layer through their category)."""
    grouped = (
        Placement.objects.filter(status=Placement.Status.CONFIRMED)
        .exclude(taxonomy__year__in=[snapshot.year for snapshot in snapshots])
        .values(
            "taxonomy__year",
            "primary__level",
            "primary__parent__name",
            "primary__parent__parent__name",
            "primary__parent__parent__parent__name",
        )
        .annotate(players=Count("id"), revenue_sum=Sum("revenue"), reporting=Count("revenue"))
        .order_by("taxonomy__year")
    )
    by_year: dict[int, dict[tuple[str, str], list[int]]] = {}
    for row in grouped:
        names = ["primary__parent__name", "primary__parent__parent__name", "primary__parent__parent__parent__name"]
        if row["primary__level"] == Level.SUBCATEGORY:
            names = names[1:]
        figures = by_year.setdefault(row["taxonomy__year"], {}).setdefault((row[names[1]], row[names[0]]), [0, 0, 0])
        figures[0] += row["players"]
        figures[1] += row["revenue_sum"] or 0
        figures[2] += row["reporting"]
    for snapshot in snapshots:
        layers = by_year[snapshot.year] = {}
        for placement in snapshot.data["placements"]:
            figures = layers.setdefault(tuple(placement["category"][:2]), [0, 0, 0])
            figures[0] += 1
            figures[1] += placement["revenue"] or 0
            figures[2] += placement["revenue"] is not None
    return by_year


def _year_row(year: int, layers: dict[tuple[str, str], list[int]], *, published: bool, exact: bool) -> YearRow:
    domains: dict[str, tuple[int, int]] = {}
    for (domain, _layer), (players, revenue, _reporting) in layers.items():
        before = domains.get(domain, (0, 0))
        domains[domain] = (before[0] + players, before[1] + revenue)
    reporting = [figures[2] for figures in layers.values()]
    revenue = shown_total(
        sum(figures[1] for figures in layers.values()),
        companies=sum(reporting),
        exact=exact,
        withhold=withheld_whole(reporting, exact=exact),  # as the year's own category table withholds it
    )
    players = sum(figures[0] for figures in layers.values())
    return YearRow(year=year, domains=domains, players=players, revenue=revenue, published=published)


def yearly_rows(*, exact: bool) -> tuple[list[str], list[YearRow]]:
    """Players and revenue per domain for every year, in three queries. `exact`: the viewer sees every total
    (staff); otherwise a year's revenue total is withheld as its statistics page withholds its map's total."""
    snapshots = list(Snapshot.objects.order_by("year"))
    published = {snapshot.year for snapshot in snapshots}
    by_year = _year_figures(snapshots)
    # Columns in the taxonomy's order (the latest year's first), then any domain only older years had.
    order = list(
        TaxonomyNode.objects.filter(level=Level.DOMAIN)
        .order_by("-taxonomy__year", "position", "id")
        .values_list("name", flat=True)
    )
    domain_names = list(dict.fromkeys(domain for layers in by_year.values() for domain, _layer in layers))
    domain_names.sort(key=lambda name: order.index(name) if name in order else len(order))
    rows = [
        _year_row(year, layers, published=year in published, exact=exact) for year, layers in sorted(by_year.items())
    ]
    return domain_names, rows


# (column, row) of each 시·도 in the tile-grid cartogram.
CARTOGRAM = {
    "서울": (1, 0), "인천": (0, 1), "경기": (1, 1), "강원": (2, 1),
    "충남": (0, 2), "세종": (1, 2), "충북": (2, 2), "경북": (3, 2),
    "전북": (0, 3), "대전": (1, 3), "대구": (3, 3), "울산": (4, 3),
    "광주": (0, 4), "전남": (1, 4), "경남": (2, 4), "부산": (3, 4),
    "제주": (0, 6),
}  # fmt: skip
SHADES = ("#f1f4fd", "#c9d3f5", "#96a9ea", "#5f7cdb", "#3552c8")


def korea_map_svg(rows: list[Row]) -> str:
    """The 17 시·도 as equal squares shaded by their count (an accessible SVG with a title per square)."""
    counts = {row.key: row.count for row in rows if row.kind == "row"}
    highest = max((counts.get(sido.short, 0) for sido in SIDO), default=0)
    size, gap = 70, 6
    width, height = 5 * (size + gap) + gap, 7 * (size + gap) + gap
    title = escape(_("Players by province"))
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" role="img" aria-labelledby="korea-map-title" '
            f'font-family="Noto Sans CJK KR, sans-serif">'
        ),
        f'<title id="korea-map-title">{title}</title>',
    ]
    for sido in SIDO:
        column, row = CARTOGRAM[sido.short]
        count = counts.get(sido.short, 0)
        shade = 0 if not count or not highest else min(4, 1 + int(4 * math.sqrt(count / highest)))
        x, y = gap + column * (size + gap), gap + row * (size + gap)
        ink = "#ffffff" if shade >= 3 else "#1d2433"
        parts.append(
            f'<g class="sido" data-sido="{sido.short}"><title>{escape(sido.official)}: {count:,}</title>'
            f'<rect x="{x}" y="{y}" width="{size}" height="{size}" rx="6" fill="{SHADES[shade]}" stroke="#3552c8"/>'
            f'<text x="{x + size / 2}" y="{y + 30}" text-anchor="middle" font-size="15" fill="{ink}">'
            f"{sido.short}</text>"
            f'<text x="{x + size / 2}" y="{y + 52}" text-anchor="middle" font-size="14" font-weight="700" '
            f'fill="{ink}">{count:,}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


@dataclass(frozen=True)
class MapStatistics:
    """Every table of a year's statistics page, as one viewer may see them: shared by the page, its XLSX and its
    charts, so that the three show the same totals (and withhold the same ones)."""

    year: int
    categories: list[CategoryRow]
    regions: list[Row]
    sizes: list[Row]
    ages: list[Row]
    domain_names: list[str]
    years: list[YearRow]


def map_statistics(landscape: Landscape, *, exact: bool) -> MapStatistics:
    domain_names, years = yearly_rows(exact=exact)
    return MapStatistics(
        year=landscape.year,
        categories=category_rows(landscape, exact=exact),
        regions=region_rows(landscape),
        sizes=size_rows(landscape),
        ages=age_rows(landscape),
        domain_names=domain_names,
        years=years,
    )


def _series(rows: list[Row]) -> dict:
    leaves = [row for row in rows if row.kind == "row"]
    return {"labels": [row.label for row in leaves], "counts": [row.count for row in leaves]}


def chart_data(stats: MapStatistics) -> dict:
    """What the page's charts draw (ecosystem-statistics.js), from the same rows as its tables: players and
    revenue (억원) per category, size and age bands, and players and revenue per year. A
    withheld total is null (no bar) and its label says why."""
    categories = [row for row in stats.categories if row.kind == "row"]
    withheld = withheld_text()
    return {
        "count_label": _("Players"),
        "revenue_label": _("Revenue (KRW 100 million)"),
        "categories": {
            "labels": [row.label for row in categories],
            "counts": [row.count for row in categories],
            "revenue": [_hundred_millions(row.revenue) for row in categories],
            "revenue_notes": [withheld if row.revenue.withheld else "" for row in categories],
        },
        "sizes": _series(stats.sizes),
        "ages": _series(stats.ages),
        "years": {
            "labels": [str(row.year) for row in stats.years],
            "counts": [row.players for row in stats.years],
            "revenue": [_hundred_millions(row.revenue) for row in stats.years],
        },
    }


def _hundred_millions(total: ShownTotal) -> float | None:
    """A total in 백만원 as 억원 (one decimal), None when withheld or unknown."""
    return None if total.value is None else round(total.value / 100, 1)
