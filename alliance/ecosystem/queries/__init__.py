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


def newest_map_players() -> tuple[int, int] | None:
    """(year, players confirmed on it) of the newest year's map, None when there is no map (the front page's
    key figure). Two queries whatever the size."""
    taxonomy = Taxonomy.objects.order_by("-year").only("pk", "year").first()
    if taxonomy is None:
        return None
    return taxonomy.year, Placement.objects.filter(taxonomy=taxonomy, status=Placement.Status.CONFIRMED).count()


def snapshot_by_slug(slug: str) -> Snapshot | None:
    return Snapshot.objects.filter(slug=slug).first()


def published_snapshots():
    return Snapshot.objects.defer("data").order_by("-year")


def snapshot_data_for_year(year: int) -> dict | None:
    """The year's published snapshot data, or else its current map built the same way; None without a taxonomy."""
    snapshot = Snapshot.objects.filter(year=year).first()
    if snapshot is not None:
        return snapshot.data
    taxonomy = taxonomy_for_year(year)
    return build_snapshot_data(taxonomy) if taxonomy is not None else None


FORMAT_VERSION = 1
FIGURES = ("revenue", "employees", "patents", "rd_staff_share", "certifications", "awards", "technology_score")


def build_snapshot_data(taxonomy: Taxonomy, *, statuses=(Placement.Status.CONFIRMED,)) -> dict:
    """The year's map as JSON-ready data, in a fixed number of queries (whatever its size).

    {"format": 1, "year": 2025,
     "categories": [{"id", "level", "name", "path", "ksic_codes"}, ...]    every node, in tree order,
     "technologies": ["XR 디바이스", ...], "fields": ["교육·훈련", ...],
     "players": [{"id", "name", "member", "member_category", "region", "homepage", "founded_year",
                  "description", "logo"}, ...],                         member_category: a MemberCategory
                                                                           value for members, else null; logo:
                                                                           the stored logo's file name or ""
     "placements": [{"player", "category" (path), "secondary" (paths), "technologies", "fields",
                     "revenue", "employees", "patents", "rd_staff_share", "certifications", "awards",
                     "technology_score"}, ...]}                             players and placements by name
    """
    paths = node_paths(taxonomy)
    nodes = TaxonomyNode.objects.filter(taxonomy=taxonomy).values(
        "id", "parent_id", "level", "name", "ksic_codes", "position"
    )
    children: dict = {}
    for node in nodes:
        children.setdefault(node["parent_id"], []).append(node)
    ordered = []

    def walk(parent):
        for node in sorted(children.get(parent, []), key=lambda n: (n["position"], n["id"])):
            ordered.append(node)
            walk(node["id"])

    walk(None)
    placements = list(
        Placement.objects.filter(taxonomy=taxonomy, status__in=statuses).values(
            "id", "player_id", "primary_id", *FIGURES
        )
    )
    secondary, technologies, fields = {}, {}, {}
    through = Placement.secondary.through.objects.filter(placement__taxonomy=taxonomy, placement__status__in=statuses)
    for placement_id, node_id in through.values_list("placement_id", "taxonomynode_id"):
        secondary.setdefault(placement_id, []).append(paths[node_id])
    tech_through = Placement.technologies.through.objects.filter(
        placement__taxonomy=taxonomy, placement__status__in=statuses
    )
    for placement_id, name in tech_through.values_list("placement_id", "technology__name"):
        technologies.setdefault(placement_id, []).append(name)
    field_through = Placement.fields.through.objects.filter(
        placement__taxonomy=taxonomy, placement__status__in=statuses
    )
    for placement_id, name in field_through.values_list("placement_id", "applicationfield__name"):
        fields.setdefault(placement_id, []).append(name)
    player_rows = {
        row["id"]: row
        for row in Player.objects.filter(pk__in=[row["player_id"] for row in placements]).values(
            "id",
            "name",
            "organisation_id",
            "organisation__category",
            "region",
            "homepage",
            "founded_year",
            "description",
            "logo",
        )
    }
    players = sorted(
        (
            {
                "id": row["id"],
                "name": row["name"],
                "member": row["organisation_id"] is not None,
                "member_category": row["organisation__category"] or None,
                "region": row["region"],
                "homepage": row["homepage"],
                "founded_year": row["founded_year"],
                "description": row["description"],
                # Logos are content-addressed and never deleted, so the name stays valid for good.
                "logo": (row["logo"] or "").rsplit("/", 1)[-1],
            }
            for row in player_rows.values()
        ),
        key=lambda player: (player["name"], player["id"]),
    )
    names = {row["id"]: row["name"] for row in player_rows.values()}
    frozen_placements = sorted(
        (
            {
                "player": row["player_id"],
                "category": paths[row["primary_id"]],
                "secondary": sorted(secondary.get(row["id"], [])),
                "technologies": sorted(technologies.get(row["id"], [])),
                "fields": sorted(fields.get(row["id"], [])),
                **{key: row[key] for key in FIGURES},
            }
            for row in placements
        ),
        key=lambda placement: (names[placement["player"]], placement["player"]),
    )
    return {
        "format": FORMAT_VERSION,
        "year": taxonomy.year,
        "categories": [
            {
                "id": node["id"],
                "level": node["level"],
                "name": node["name"],
                "path": paths[node["id"]],
                "ksic_codes": node["ksic_codes"],
            }
            for node in ordered
        ],
        "technologies": list(taxonomy.technologies.order_by("position", "id").values_list("name", flat=True)),
        "fields": list(taxonomy.fields.order_by("position", "id").values_list("name", flat=True)),
        "players": players,
        "placements": frozen_placements,
    }
