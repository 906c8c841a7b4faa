"""Freezing a year's map as a published, immutable snapshot, and comparing two snapshots.

A snapshot holds the taxonomy and the *confirmed* placements of its year (what the public map shows:
nothing machine-suggested or unreviewed is published), as one JSON document in the shape of
`queries.build_snapshot_data`, which is also the JSON API's. Placements name their categories by path, not by
id, so snapshots of different years compare directly; players keep their id across years.
The model refuses any update or delete (models/snapshot.py); the draft taxonomy stays editable.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.core.audit import record_audit
from alliance.ecosystem.models import Snapshot, Taxonomy
from alliance.ecosystem.queries import build_snapshot_data
from alliance.ecosystem.services.snapshot_files import store_snapshot_files

SNAPSHOT_EXISTS = _("The %(year)s map is already published as a snapshot.")


def freeze_snapshot(*, actor, year: int) -> Snapshot:
    """Publish `year`'s map (taxonomy and confirmed placements) as an immutable snapshot, slug "<year>".

    Refused when the year is already published (a snapshot is never replaced).
    Side effects: audit `ecosystem.snapshot.frozen` with the counts; its JSON API document and landscape.yml
    computed and stored (services/snapshot_files.py).
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
        store_snapshot_files(snapshot=snapshot)
        record_audit(
            action="ecosystem.snapshot.frozen",
            actor=actor,
            target=snapshot,
            after={"year": year, "players": len(data["players"]), "placements": len(data["placements"])},
        )
    return snapshot


def category_listing(data: dict) -> list[dict]:
    """Each category and subcategory with the names of the players placed on that very node, primary or
    secondary: [{"path": [domain, layer, category(, subcategory)], "players": [names, sorted]}], in taxonomy
    order, empty ones included. A player on a subcategory is listed there, not on its category; a player with
    secondary placements is listed on each of them too (once per node)."""
    names = {player["id"]: player["name"] for player in data["players"]}
    on_node: dict[tuple, set[int]] = {}
    for placement in data["placements"]:
        for path in [placement["category"], *placement.get("secondary", [])]:
            on_node.setdefault(tuple(path), set()).add(placement["player"])
    return [
        {
            "path": node["path"],
            "players": sorted(names[pk] for pk in on_node.get(tuple(node["path"]), ())),
        }
        for node in data["categories"]
        if node["level"] in ("category", "subcategory")
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
