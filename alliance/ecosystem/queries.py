"""Reads of the ecosystem app that several callers reuse (views, services, commands, other helpers)."""

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from alliance.ecosystem.models import Level, Placement, Player, Snapshot, Taxonomy, TaxonomyNode, ValueSource

# The figures a player carries itself (a member's from the registry); the others exist only per placement.
PLAYER_FIGURES = ("revenue", "employees")


def taxonomy_for_year(year: int) -> Taxonomy | None:
    return Taxonomy.objects.filter(year=year).first()


def node_paths(taxonomy: Taxonomy) -> dict[int, list[str]]:
    """Every node's path (names from its domain down), in one query."""
    rows = list(TaxonomyNode.objects.filter(taxonomy=taxonomy).values_list("pk", "parent_id", "name"))
    parents = {pk: (parent, name) for pk, parent, name in rows}
    paths: dict[int, list[str]] = {}

    def path_of(pk: int) -> list[str]:
        if pk not in paths:
            parent, name = parents[pk]
            paths[pk] = ([*path_of(parent)] if parent is not None else []) + [name]
        return paths[pk]

    for pk in parents:
        path_of(pk)
    return paths


def tree(taxonomy: Taxonomy) -> list[TaxonomyNode]:
    """The taxonomy as nested nodes: each node gets `.kids` (ordered) and `.placed` (players on it as
    primary), `.depth` 0–3; returns the domains. Two queries, whatever the size."""
    nodes = list(
        TaxonomyNode.objects.filter(taxonomy=taxonomy)
        .annotate(placed=Count("primary_placements", distinct=True))
        .order_by("position", "id")
    )
    by_pk = {node.pk: node for node in nodes}
    roots = []
    for node in nodes:
        node.kids = []
    for node in nodes:
        if node.parent_id is None:
            roots.append(node)
        else:
            by_pk[node.parent_id].kids.append(node)

    def set_depth(node, depth):
        node.depth = depth
        for kid in node.kids:
            set_depth(kid, depth + 1)

    for root in roots:
        set_depth(root, 0)
    return roots


def flat_tree(taxonomy: Taxonomy) -> list[TaxonomyNode]:
    """The tree in reading order (each domain, then its layers, ...), nodes carrying .depth/.kids/.placed."""
    ordered = []

    def walk(node):
        ordered.append(node)
        for kid in node.kids:
            walk(kid)

    for root in tree(taxonomy):
        walk(root)
    return ordered


def placeable_nodes(taxonomy: Taxonomy) -> list[tuple[int, str]]:
    """(pk, "layer › category › subcategory") for every category and subcategory, in tree order."""
    paths = node_paths(taxonomy)
    return [
        (node.pk, " › ".join(paths[node.pk][1:]))
        for node in flat_tree(taxonomy)
        if node.level in (Level.CATEGORY, Level.SUBCATEGORY)
    ]


def player_figures(player: Player) -> dict[str, dict]:
    """The figures a new placement of `player` starts from, with where they came from.

    {figure: {"value", "source", "on"}} for each of PLAYER_FIGURES the player knows, source and date as
    stamped on the player (a member's: "registry" and the registry's date); unknown figures are left out.
    The one rule behind the placement editor's pre-filled form and the bulk acceptance of suggestions.
    """
    figures = {}
    for name in PLAYER_FIGURES:
        value = getattr(player, name)
        if value is None:
            continue
        stamp = player.sources.get(name) or {}
        fallback = ValueSource.REGISTRY if player.is_member else ValueSource.STAFF
        figures[name] = {
            "value": value,
            "source": stamp.get("source") or fallback.value,
            "on": stamp.get("on") or timezone.localdate(player.updated_at).isoformat(),
        }
    return figures


def players_with_placement(taxonomy: Taxonomy | None, *, search: str = "", member: str = ""):
    """Players for the staff list, each with `.placement` (this year's, or None), in name order.

    A constant number of queries whatever the page size (the list's guard test checks it).
    """
    players = Player.objects.select_related("organisation").order_by("name")
    if search:
        players = players.filter(Q(name__icontains=search) | Q(description__icontains=search))
    if member == "member":
        players = players.filter(organisation__isnull=False)
    elif member == "non_member":
        players = players.filter(organisation__isnull=True)
    if taxonomy is not None:
        players = players.prefetch_related(
            Prefetch(
                "placements",
                queryset=Placement.objects.filter(taxonomy=taxonomy).select_related("primary__parent"),
                to_attr="this_year",
            )
        )
    return players


def snapshot_by_slug(slug: str) -> Snapshot | None:
    return Snapshot.objects.filter(slug=slug).first()


def published_snapshots():
    return Snapshot.objects.defer("data").order_by("-year")


def snapshot_data_for_year(year: int) -> dict | None:
    """The year's published snapshot data, or else its current map built the same way; None without a taxonomy."""
    from alliance.ecosystem.services.snapshots import build_snapshot_data

    snapshot = Snapshot.objects.filter(year=year).first()
    if snapshot is not None:
        return snapshot.data
    taxonomy = taxonomy_for_year(year)
    return build_snapshot_data(taxonomy) if taxonomy is not None else None
