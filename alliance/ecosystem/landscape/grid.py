"""Reads for the public map: the landscape of a year as boxes and tiles.

Filters, counts, search and the tile markup are in landscape/filters.py, the player's card in
landscape/cards.py, a published snapshot's landscape in landscape/snapshot.py.

Rules (issue 3, "The map"):
- The live map of a year shows the confirmed placements of that year's taxonomy; a published snapshot of
  the year can be shown from its frozen data instead (landscape/snapshot.py), so a published map never moves.
- Boxes are categories grouped by layer and domain, in taxonomy order; a player placed on a subcategory
  sits in its category's box. Tiles are ordered by revenue (largest first), then name.
- Emphasis follows the revenue band (REVENUE_BANDS, 백만원): the larger the revenue, the larger the tile.
- Each tile carries filter tokens (`r<시·도 index> c<member category> m<0|1> b<band> t<technology> f<field>`);
  a filter option is a token, a tile shows when it has the token of every chosen filter, and each option's
  count is the number of tiles it would show with the other filters unchanged (options giving nothing are
  hidden). The page script applies the same rule in the browser, so a filter change needs no request.
- Search reduces the query and the names with core.korean (spacing, corporate forms: `(주)젠` = `주식회사 젠`).
- Reads are a constant number of queries whatever the number of players.
"""

import hashlib
from dataclasses import dataclass, field

from django.db.models import Count, Max

from alliance.core.figures import REVENUE_BANDS, revenue_band
from alliance.core.korean import compact
from alliance.core.regions import SIDO
from alliance.ecosystem.models import ApplicationField, Level, Placement, Taxonomy, TaxonomyNode, Technology
from alliance.members.models import MemberCategory

# REVENUE_BANDS (core/figures.py): index = the tile's emphasis level.
BAND_INDEX = {key: index for index, (key, _label, _low, _high) in enumerate(REVENUE_BANDS)}
SIDO_INDEX = {sido.short: index for index, sido in enumerate(SIDO)}
MEMBER_CATEGORIES = tuple(MemberCategory)
FILTER_NAMES = ("region", "category", "member", "technology", "field", "band")


@dataclass
class Tile:
    pk: int
    name: str
    name_key: str
    band: int
    tokens: tuple[str, ...]
    logo: str = ""  # the logo's file name (content hash), empty when none
    revenue: int | None = None
    employees: int | None = None
    score: float = 0.0
    region: str = ""
    is_member: bool = False
    founded_year: int | None = None
    search_text: str = ""


@dataclass
class Box:
    pk: int
    name: str
    path: list[str]
    tiles: list[Tile] = field(default_factory=list)


@dataclass
class LayerGroup:
    name: str
    boxes: list[Box] = field(default_factory=list)


@dataclass
class DomainGroup:
    name: str
    layers: list[LayerGroup] = field(default_factory=list)


@dataclass
class Landscape:
    year: int
    domains: list[DomainGroup]
    technologies: list[tuple[int, str]]
    fields: list[tuple[int, str]]
    frozen: bool = False
    # Results computed from this landscape that every visitor without filters shares (see
    # landscape.filters.unfiltered): valid as long as the landscape itself, which is rebuilt on any change.
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def boxes(self) -> list[Box]:
        return [box for domain in self.domains for layer in domain.layers for box in layer.boxes]

    @property
    def tiles(self) -> list[Tile]:
        return [tile for box in self.boxes for tile in box.tiles]

    def box(self, pk: int) -> Box | None:
        return next((box for box in self.boxes if box.pk == pk), None)


# ---------------------------------------------------------------- loading


# Built landscapes by taxonomy pk: (stamp, landscape). A landscape of 10,000 players takes ~0.5 s to build
# and is read by every visit; it is rebuilt when the stamp (below) changes. One per process, never stale.
_BUILT: dict[int, tuple[tuple, "Landscape"]] = {}


def _stamp(taxonomy: Taxonomy, nodes: list[dict], technologies: list, fields: list) -> tuple:
    """Everything the landscape is made of, reduced to a few aggregates: any write to placements, their
    players, technologies or fields, or the tree changes it (an M2M re-set adds rows with new ids)."""
    placements = Placement.objects.filter(taxonomy=taxonomy).aggregate(
        n=Count("id"),
        changed=Max("updated_at"),
        player_changed=Max("player__updated_at"),
        member_changed=Max("player__organisation__updated_at"),
    )
    technology_rows = Placement.technologies.through.objects.filter(placement__taxonomy=taxonomy).aggregate(
        n=Count("id"), last=Max("id")
    )
    field_rows = Placement.fields.through.objects.filter(placement__taxonomy=taxonomy).aggregate(
        n=Count("id"), last=Max("id")
    )
    return (
        tuple(placements.values()),
        tuple(technology_rows.values()),
        tuple(field_rows.values()),
        tuple(tuple(node.values()) for node in nodes),
        tuple(technologies),
        tuple(fields),
    )


def _inputs(taxonomy: Taxonomy) -> tuple[list[dict], list, list]:
    nodes = list(
        TaxonomyNode.objects.filter(taxonomy=taxonomy)
        .order_by("position", "id")
        .values("id", "parent_id", "level", "name")
    )
    technologies = list(
        Technology.objects.filter(taxonomy=taxonomy).order_by("position", "id").values_list("id", "name")
    )
    fields = list(
        ApplicationField.objects.filter(taxonomy=taxonomy).order_by("position", "id").values_list("id", "name")
    )
    return nodes, technologies, fields


def landscape_version(taxonomy: Taxonomy) -> str:
    """A short string that changes whenever `taxonomy`'s live landscape does (its stamp): six queries."""
    stamp = _stamp(taxonomy, *_inputs(taxonomy))
    return hashlib.sha256(repr(stamp).encode()).hexdigest()[:32]


def live_landscape(taxonomy: Taxonomy) -> Landscape:
    """The confirmed placements of `taxonomy` as boxes and tiles: six queries when nothing changed since
    the last build, nine when it is rebuilt."""
    nodes, technologies, fields = _inputs(taxonomy)
    stamp = _stamp(taxonomy, nodes, technologies, fields)
    built = _BUILT.get(taxonomy.pk)
    if built is not None and built[0] == stamp:
        return built[1]
    landscape = _build(taxonomy, nodes, technologies, fields)
    _BUILT[taxonomy.pk] = (stamp, landscape)
    return landscape


def _build(taxonomy: Taxonomy, nodes: list[dict], technologies: list, fields: list) -> Landscape:
    by_id = {node["id"]: node for node in nodes}
    placements = list(
        Placement.objects.filter(taxonomy=taxonomy, status=Placement.Status.CONFIRMED)
        .order_by()
        .values(
            "id", "primary_id", "revenue", "employees", "technology_score", "player_id", "player__name",
            "player__name_key", "player__logo", "player__region", "player__organisation_id",
            "player__organisation__category", "player__founded_year", "player__business_fields",
        )
    )  # fmt: skip
    technology_rows = Placement.technologies.through.objects.filter(placement__taxonomy=taxonomy).values_list(
        "placement_id", "technology_id"
    )
    field_rows = Placement.fields.through.objects.filter(placement__taxonomy=taxonomy).values_list(
        "placement_id", "applicationfield_id"
    )
    technologies_of: dict[int, list[int]] = {}
    for placement_id, technology_id in technology_rows:
        technologies_of.setdefault(placement_id, []).append(technology_id)
    fields_of: dict[int, list[int]] = {}
    for placement_id, field_id in field_rows:
        fields_of.setdefault(placement_id, []).append(field_id)

    tiles_by_category: dict[int, list[Tile]] = {}
    for row in placements:
        node = by_id.get(row["primary_id"])
        if node is None:
            continue
        category_id = node["parent_id"] if node["level"] == Level.SUBCATEGORY else node["id"]
        category = row["player__organisation__category"]
        tile = Tile(
            pk=row["player_id"],
            name=row["player__name"],
            name_key=row["player__name_key"],
            band=revenue_band(row["revenue"]),
            tokens=(),
            logo=(row["player__logo"] or "").rsplit("/", 1)[-1],
            revenue=row["revenue"],
            employees=row["employees"],
            score=row["technology_score"] or 0.0,
            region=row["player__region"] or "",
            is_member=row["player__organisation_id"] is not None,
            founded_year=row["player__founded_year"],
            search_text=compact(row["player__business_fields"] or ""),
        )
        tile.tokens = tile_tokens(tile, category, technologies_of.get(row["id"], ()), fields_of.get(row["id"], ()))
        tiles_by_category.setdefault(category_id, []).append(tile)
    return Landscape(
        year=taxonomy.year,
        domains=_group(nodes, tiles_by_category),
        technologies=technologies,
        fields=fields,
    )


def tile_tokens(tile: Tile, member_category: str | None, technology_ids, field_ids) -> tuple[str, ...]:
    tokens = [f"b{tile.band}", "m1" if tile.is_member else "m0"]
    if tile.region in SIDO_INDEX:
        tokens.append(f"r{SIDO_INDEX[tile.region]}")
    if tile.is_member and member_category:
        tokens.append(f"c{member_category}")
    tokens.extend(f"t{pk}" for pk in technology_ids)
    tokens.extend(f"f{pk}" for pk in field_ids)
    return tuple(tokens)


def _group(nodes: list[dict], tiles_by_category: dict[int, list[Tile]]) -> list[DomainGroup]:
    domains: dict[int, DomainGroup] = {}
    layers: dict[int, LayerGroup] = {}
    layer_domain: dict[int, str] = {}
    for node in nodes:  # in position order: parents come before their children within a level
        if node["level"] == Level.DOMAIN:
            domains[node["id"]] = DomainGroup(node["name"])
    for node in nodes:
        if node["level"] == Level.LAYER and node["parent_id"] in domains:
            layers[node["id"]] = LayerGroup(node["name"])
            domains[node["parent_id"]].layers.append(layers[node["id"]])
            layer_domain[node["id"]] = domains[node["parent_id"]].name
    for node in nodes:
        if node["level"] == Level.CATEGORY and node["parent_id"] in layers:
            tiles = sorted(tiles_by_category.get(node["id"], []), key=lambda t: (-(t.revenue or -1), t.name))
            layer = layers[node["parent_id"]]
            path = [layer_domain[node["parent_id"]], layer.name, node["name"]]
            layer.boxes.append(Box(pk=node["id"], name=node["name"], path=path, tiles=tiles))
    return list(domains.values())
