"""Freezing a year's map as a published, immutable snapshot, and comparing two snapshots.

A snapshot holds the taxonomy and the *confirmed* placements of its year (what the public map shows:
nothing machine-suggested or unreviewed is published), as one JSON document in the shape of
`build_snapshot_data`, which is also the JSON API's. Placements name their categories by path, not by
id, so snapshots of different years compare directly; players keep their id across years.
The model refuses any update or delete (models/snapshot.py); the draft taxonomy stays editable.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.core.audit import record_audit
from alliance.ecosystem.models import Placement, Player, Snapshot, Taxonomy, TaxonomyNode
from alliance.ecosystem.queries import node_paths

SNAPSHOT_EXISTS = _("The %(year)s map is already published as a snapshot.")
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


def freeze_snapshot(*, actor, year: int) -> Snapshot:
    """Publish `year`'s map (taxonomy and confirmed placements) as an immutable snapshot, slug "<year>".

    Refused when the year is already published (a snapshot is never replaced).
    Side effect: audit `ecosystem.snapshot.frozen` with the counts.
    """
    with transaction.atomic():
        taxonomy = Taxonomy.objects.select_for_update().get(year=year)
        if Snapshot.objects.filter(year=year).exists():
            raise ValidationError(SNAPSHOT_EXISTS, code="snapshot_exists", params={"year": year})
        data = build_snapshot_data(taxonomy)
        snapshot = Snapshot(
            year=year,
            slug=str(year),
            taxonomy=taxonomy,
            published_at=timezone.now(),
            published_by=actor if getattr(actor, "is_authenticated", False) else None,
            data=data,
        )
        snapshot.save()
        record_audit(
            action="ecosystem.snapshot.frozen",
            actor=actor,
            target=snapshot,
            after={"year": year, "players": len(data["players"]), "placements": len(data["placements"])},
        )
    return snapshot


def category_listing(data: dict) -> list[dict]:
    """Each category (level "category") with the names of players placed on it or on its subcategories:
    [{"path": [domain, layer, category], "players": [names, sorted]}], in taxonomy order."""
    names = {player["id"]: player["name"] for player in data["players"]}
    by_category: dict[tuple, list[str]] = {}
    for placement in data["placements"]:
        by_category.setdefault(tuple(placement["category"][:3]), []).append(names[placement["player"]])
    return [
        {"path": node["path"], "players": sorted(by_category.get(tuple(node["path"]), []))}
        for node in data["categories"]
        if node["level"] == "category"
    ]


def compare_snapshots(older: dict, newer: dict) -> dict:
    """Who entered, who left, who moved category and who grew between two snapshots' data.

    Players match by id. "moved": primary category path differs. "grew": revenue or employees higher in
    the newer snapshot (both known). Each list is sorted by name:
    {"entered": [{"id", "name", "category"}], "left": [...], "moved": [{"id", "name", "from", "to"}],
     "grew": [{"id", "name", "revenue": [old, new], "employees": [old, new]}]}
    """
    old_players = {player["id"]: player for player in older["players"]}
    new_players = {player["id"]: player for player in newer["players"]}
    old_placements = {placement["player"]: placement for placement in older["placements"]}
    new_placements = {placement["player"]: placement for placement in newer["placements"]}

    def name_of(pk):
        return (new_players.get(pk) or old_players[pk])["name"]

    entered = [
        {"id": pk, "name": name_of(pk), "category": new_placements[pk]["category"]}
        for pk in new_placements.keys() - old_placements.keys()
    ]
    left = [
        {"id": pk, "name": name_of(pk), "category": old_placements[pk]["category"]}
        for pk in old_placements.keys() - new_placements.keys()
    ]
    moved, grew = [], []
    for pk in old_placements.keys() & new_placements.keys():
        before, after = old_placements[pk], new_placements[pk]
        if before["category"] != after["category"]:
            moved.append({"id": pk, "name": name_of(pk), "from": before["category"], "to": after["category"]})
        grown = {
            key: [before.get(key), after.get(key)]
            for key in ("revenue", "employees")
            if before.get(key) is not None and after.get(key) is not None and after[key] > before[key]
        }
        if grown:
            grew.append(
                {
                    "id": pk,
                    "name": name_of(pk),
                    "revenue": [before.get("revenue"), after.get("revenue")],
                    "employees": [before.get("employees"), after.get("employees")],
                    "grown": sorted(grown),
                }
            )

    def by_name(rows):
        return sorted(rows, key=lambda row: (row["name"], row["id"]))

    return {"entered": by_name(entered), "left": by_name(left), "moved": by_name(moved), "grew": by_name(grew)}
