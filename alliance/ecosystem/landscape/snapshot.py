"""A published snapshot's landscape and cards, read from its frozen data (services/snapshots.py
build_snapshot_data, format 1) so that a published map shows exactly what was frozen.

The frozen data names technologies and fields, not their rows: here they are numbered by their position
in the snapshot's lists (t1, t2, ...). Members' categories and players' logos (file names) are frozen too,
so the published map filters and shows them as the live one does; a snapshot frozen before they were
(no "member_category"/"logo" keys) shows names and offers no member-category option, as it did.
Built once per snapshot and process: snapshots never change.
"""

from alliance.core.korean import company_name_key
from alliance.ecosystem.landscape.cards import Card
from alliance.ecosystem.landscape.grid import (
    REVENUE_BANDS,
    Box,
    DomainGroup,
    Landscape,
    LayerGroup,
    Tile,
    revenue_band,
    tile_tokens,
)

# By (pk, publication time): a snapshot never changes, and a row id reused after a rolled-back test's
# snapshot is not the same snapshot.
_BUILT: dict[tuple, Landscape] = {}


def snapshot_landscape(snapshot) -> Landscape:
    key = (snapshot.pk, snapshot.published_at)
    landscape = _BUILT.get(key)
    if landscape is None:
        landscape = _BUILT[key] = landscape_from_data(snapshot.data)
    return landscape


def landscape_from_data(data: dict) -> Landscape:
    technology_ids = {name: index for index, name in enumerate(data["technologies"], start=1)}
    field_ids = {name: index for index, name in enumerate(data["fields"], start=1)}
    players = {player["id"]: player for player in data["players"]}
    domains: list[DomainGroup] = []
    layers: dict[tuple, LayerGroup] = {}
    boxes: dict[tuple, Box] = {}
    for node in data["categories"]:
        path = tuple(node["path"])
        if node["level"] == "domain":
            domains.append(DomainGroup(node["name"]))
        elif node["level"] == "layer" and domains:
            layers[path] = LayerGroup(node["name"])
            domains[-1].layers.append(layers[path])
        elif node["level"] == "category" and path[:2] in layers:
            boxes[path] = Box(pk=node["id"], name=node["name"], path=list(path))
            layers[path[:2]].boxes.append(boxes[path])
    for placement in data["placements"]:
        box = boxes.get(tuple(placement["category"][:3]))
        player = players.get(placement["player"])
        if box is None or player is None:
            continue
        tile = Tile(
            pk=player["id"],
            name=player["name"],
            name_key=company_name_key(player["name"]),
            band=revenue_band(placement["revenue"]),
            tokens=(),
            logo=player.get("logo") or "",
            revenue=placement["revenue"],
            employees=placement["employees"],
            score=placement["technology_score"] or 0.0,
            region=player["region"] or "",
            is_member=player["member"],
            founded_year=player["founded_year"],
        )
        tile.tokens = tile_tokens(
            tile,
            player.get("member_category"),
            [technology_ids[name] for name in placement["technologies"] if name in technology_ids],
            [field_ids[name] for name in placement["fields"] if name in field_ids],
        )
        box.tiles.append(tile)
    for box in boxes.values():
        box.tiles.sort(key=lambda t: (-(t.revenue or -1), t.name))
    return Landscape(
        year=data["year"],
        domains=domains,
        technologies=[(i, n) for n, i in technology_ids.items()],
        fields=[(i, n) for n, i in field_ids.items()],
        frozen=True,
    )


def snapshot_card(snapshot, player_pk: int, logo_prefix: str = "") -> Card | None:
    """The card of a player as frozen in the snapshot, or None when it is not on that map."""
    data = snapshot.data
    player = next((p for p in data["players"] if p["id"] == player_pk), None)
    placement = next((p for p in data["placements"] if p["player"] == player_pk), None)
    if player is None or placement is None:
        return None
    homepage = player.get("homepage") or ""
    return Card(
        pk=player["id"],
        name=player["name"],
        description=player.get("description") or "",
        path=placement["category"],
        other_paths=placement["secondary"],
        technologies=placement["technologies"],
        fields=placement["fields"],
        band_label=str(REVENUE_BANDS[revenue_band(placement["revenue"])][1]),
        homepage=homepage if homepage.startswith(("http://", "https://")) else "",
        directory_url="",
        logo_url=f"{logo_prefix}{player['logo']}" if player.get("logo") else "",
    )
