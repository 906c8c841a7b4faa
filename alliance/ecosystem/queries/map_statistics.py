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


def category_rows(landscape: Landscape) -> list[Row]:
    """Per category (under its layer, with a layer subtotal), and the total."""
    rows = []
    for domain in landscape.domains:
        for layer in domain.layers:
            layer_rows = [
                Row(" › ".join(box.path), box.name, len(box.tiles), sum(t.revenue or 0 for t in box.tiles))
                for box in layer.boxes
            ]
            rows.extend(layer_rows)
            rows.append(
                Row(
                    f"{domain.name} › {layer.name}",
                    f"{domain.name} › {layer.name}",
                    sum(row.count for row in layer_rows),
                    sum(row.revenue for row in layer_rows),
                    kind="subtotal",
                )
            )
    tiles = landscape.tiles
    rows.append(Row("계", _("Total"), len(tiles), sum(t.revenue or 0 for t in tiles), kind="total"))
    return rows


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
    domains: dict[str, tuple[int, int]]  # domain name → (players, revenue)
    players: int
    revenue: int
    published: bool = False


def yearly_rows() -> tuple[list[str], list[YearRow]]:
    """Players and revenue per domain for every year, in three queries (subcategory placements climb to
    their domain through the category's layer)."""
    snapshots = list(Snapshot.objects.order_by("year"))
    grouped = (
        Placement.objects.filter(status=Placement.Status.CONFIRMED)
        .exclude(taxonomy__year__in=[snapshot.year for snapshot in snapshots])
        .values(
            "taxonomy__year",
            "primary__level",
            "primary__parent__parent__name",
            "primary__parent__parent__parent__name",
        )
        .annotate(players=Count("id"), revenue=Sum("revenue"))
        .order_by("taxonomy__year")
    )
    by_year: dict[int, dict[str, list[int]]] = {}
    domain_names: list[str] = []
    for row in grouped:
        subcategory = row["primary__level"] == Level.SUBCATEGORY
        domain = row["primary__parent__parent__parent__name" if subcategory else "primary__parent__parent__name"]
        if domain not in domain_names:
            domain_names.append(domain)
        figures = by_year.setdefault(row["taxonomy__year"], {}).setdefault(domain, [0, 0])
        figures[0] += row["players"]
        figures[1] += row["revenue"] or 0
    published = set()
    for snapshot in snapshots:
        published.add(snapshot.year)
        domains = by_year[snapshot.year] = {}
        for placement in snapshot.data["placements"]:
            domain = placement["category"][0]
            if domain not in domain_names:
                domain_names.append(domain)
            figures = domains.setdefault(domain, [0, 0])
            figures[0] += 1
            figures[1] += placement["revenue"] or 0
    # Columns in the taxonomy's order (the latest year's first), then any domain only older years had.
    order = list(
        TaxonomyNode.objects.filter(level=Level.DOMAIN)
        .order_by("-taxonomy__year", "position", "id")
        .values_list("name", flat=True)
    )
    domain_names.sort(key=lambda name: order.index(name) if name in order else len(order))
    rows = [
        YearRow(
            year=year,
            domains={name: tuple(values) for name, values in domains.items()},
            players=sum(values[0] for values in domains.values()),
            revenue=sum(values[1] for values in domains.values()),
            published=year in published,
        )
        for year, domains in sorted(by_year.items())
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
