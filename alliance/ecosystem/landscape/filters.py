"""Filters, counts and search over a landscape, and the compact tile markup (see landscape.py for the rules)."""

from collections import Counter
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.korean import compact, search_key
from alliance.core.regions import SIDO
from alliance.ecosystem.landscape.grid import FILTER_NAMES, MEMBER_CATEGORIES, REVENUE_BANDS, Box, Landscape

# ---------------------------------------------------------------- filters


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    token: str
    count: int = 0
    selected: bool = False


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    options: list[Option]


def facet_options(landscape: Landscape) -> dict[str, list[tuple[str, str, str]]]:
    """Filter name → [(URL value, label, token)] in display order."""
    return {
        "region": [(sido.short, sido.official, f"r{index}") for index, sido in enumerate(SIDO)],
        "category": [(c.value, str(c.label), f"c{c.value}") for c in MEMBER_CATEGORIES],
        "member": [("yes", str(_("Members")), "m1"), ("no", str(_("Non-members")), "m0")],
        "technology": [(str(pk), name, f"t{pk}") for pk, name in landscape.technologies],
        "field": [(str(pk), name, f"f{pk}") for pk, name in landscape.fields],
        "band": [(key, str(label), f"b{index}") for index, (key, label, _low, _high) in enumerate(REVENUE_BANDS)],
    }


FACET_LABELS = {
    "region": _("Region"),
    "category": _("Member category"),
    "member": pgettext_lazy("member or not", "Membership"),
    "technology": _("Core technology"),
    "field": _("Application field"),
    "band": _("Revenue"),
}


@dataclass
class FilteredLandscape:
    landscape: Landscape
    facets: list[Facet]
    visible: set[int]  # tile pks shown
    visible_boxes: set[int]
    box_counts: dict[int, int]
    query: str = ""

    @property
    def count(self) -> int:
        return len(self.visible)


def apply_filters(landscape: Landscape, chosen: dict[str, str], query: str = "") -> FilteredLandscape:
    """Which tiles show under the chosen filters and search, and each option's count under the others."""
    options = facet_options(landscape)
    required: dict[str, str] = {}
    for name in FILTER_NAMES:
        token = next((token for value, _label, token in options[name] if value == chosen.get(name)), None)
        if token:
            required[name] = token
    matches_query = search_matcher(query)
    shown_tokens = Counter()  # tokens of the tiles shown: they count for every facet
    one_short = {name: Counter() for name in FILTER_NAMES}  # tokens of tiles failing only that facet
    visible: set[int] = set()
    box_counts: dict[int, int] = {}
    for box in landscape.boxes:
        shown = 0
        for tile in box.tiles:
            if matches_query is not None and not matches_query(tile):
                continue
            tokens = tile.tokens
            failing = [name for name, token in required.items() if token not in tokens]
            if not failing:
                visible.add(tile.pk)
                shown += 1
                shown_tokens.update(tokens)
            elif len(failing) == 1:
                one_short[failing[0]].update(tokens)
        box_counts[box.pk] = shown
    facets = [
        Facet(
            name=name,
            label=str(FACET_LABELS[name]),
            options=[
                Option(value, label, token, shown_tokens[token] + one_short[name][token], chosen.get(name) == value)
                for value, label, token in options[name]
            ],
        )
        for name in FILTER_NAMES
    ]
    return FilteredLandscape(
        landscape=landscape,
        facets=facets,
        visible=visible,
        visible_boxes={pk for pk, shown in box_counts.items() if shown},
        box_counts=box_counts,
        query=query,
    )


def search_matcher(query: str):
    """A predicate on tiles for the search text, or None when there is nothing to search for."""
    key = search_key(query)
    if not key:
        return None
    spaced = compact(query)
    return lambda tile: key in tile.name_key or spaced in tile.search_text


def search_ids(landscape: Landscape, query: str) -> list[int]:
    matches = search_matcher(query)
    if matches is None:
        return [tile.pk for tile in landscape.tiles]
    return [tile.pk for tile in landscape.tiles if matches(tile)]


# ---------------------------------------------------------------- markup


def tiles_html(box: Box, visible: set[int], card_prefix: str, logo_prefix: str, card_query: str = "") -> str:
    """The tiles of a box as compact markup (10,000 tiles must stay light: no template loop per tile)."""
    parts = []
    for tile in box.tiles:
        name = escape(tile.name)
        hidden = "" if tile.pk in visible else " hidden"
        body = (
            f'<img src="{logo_prefix}{tile.logo}" alt="{name}" loading="lazy" decoding="async">' if tile.logo else name
        )
        tokens = " ".join(tile.tokens)
        parts.append(
            f'<a class="t b{tile.band}" href="{card_prefix}{tile.pk}/{card_query}" data-f="{tokens}"{hidden}>{body}</a>'
        )
    return "".join(parts)


def sections(filtered: FilteredLandscape, card_prefix: str, logo_prefix: str, card_query: str = "") -> list[dict]:
    """Domains → layers → boxes ready for the template: each box with its tile markup and shown count."""
    result = []
    for domain in filtered.landscape.domains:
        layers = []
        for layer in domain.layers:
            boxes = [
                {
                    "pk": box.pk,
                    "name": box.name,
                    "total": len(box.tiles),
                    "shown": filtered.box_counts.get(box.pk, 0),
                    "tiles": mark_safe(tiles_html(box, filtered.visible, card_prefix, logo_prefix, card_query)),  # noqa: S308  escaped in tiles_html
                }
                for box in layer.boxes
            ]
            layers.append({"name": layer.name, "boxes": boxes, "shown": sum(box["shown"] for box in boxes)})
        result.append({"name": domain.name, "layers": layers, "shown": sum(layer["shown"] for layer in layers)})
    return result


def filtered_sections(
    landscape: Landscape, values: dict[str, str], card_prefix: str, logo_prefix: str, card_query: str = ""
) -> tuple[FilteredLandscape, list[dict]]:
    """apply_filters and sections together; the unfiltered result (a first visit) is computed once per
    landscape and markup prefixes, since it is the same for every visitor."""
    if any(values.values()):
        filtered = apply_filters(landscape, values, values.get("q", ""))
        return filtered, sections(filtered, card_prefix, logo_prefix, card_query)
    key = ("unfiltered", card_prefix, logo_prefix, card_query)
    if key not in landscape.memo:
        filtered = apply_filters(landscape, {}, "")
        landscape.memo[key] = (filtered, sections(filtered, card_prefix, logo_prefix, card_query))
    return landscape.memo[key]
