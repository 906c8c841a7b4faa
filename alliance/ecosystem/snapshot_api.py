"""The public JSON document of a published snapshot (GET /api/ecosystem/snapshots/<slug>.json).

Rule: the API is a public page like the map (no login, any origin), so it publishes what the public map
shows and nothing more: no contacts and no exact figures, a placement's revenue as its band
(landscape.REVENUE_BANDS) and its technology score (the public chart's horizontal axis). The frozen data
keeps the exact figures (the comparison of snapshots and the staff pages need them); this module is the
only way they leave it for the API. The shape is documented in views/api.py; API_FORMAT is its version.
"""

from django.urls import reverse

from alliance.ecosystem.landscape.grid import REVENUE_BANDS, revenue_band

# 1: the first published shape (exact figures); 2: exact figures replaced by the revenue band.
API_FORMAT = 2
PLAYER_KEYS = ("id", "name", "member", "member_category", "region", "homepage", "founded_year", "description")
PLACEMENT_KEYS = ("player", "category", "secondary", "technologies", "fields")


def logo_prefix() -> str:
    """The address the public logo files are under (a logo's file name follows it)."""
    return reverse("ecosystem:logo_file", args=["x.svg"])[: -len("x.svg")]


def revenue_bands() -> list[dict]:
    """The bands a placement's "revenue_band" names, with their bounds in KRW million (백만원, inclusive)."""
    return [{"key": key, "min": low, "max": high} for key, _label, low, high in REVENUE_BANDS]


def public_document(snapshot, *, logo_prefix: str) -> dict:
    """The snapshot as the API publishes it (see the module rule); missing keys of older snapshots are null."""
    data = snapshot.data
    players = []
    for player in data["players"]:
        row = {key: player.get(key) for key in PLAYER_KEYS}
        row["logo"] = f"{logo_prefix}{player['logo']}" if player.get("logo") else None
        players.append(row)
    placements = [
        {key: placement.get(key) for key in PLACEMENT_KEYS}
        | {
            "revenue_band": REVENUE_BANDS[revenue_band(placement.get("revenue"))][0],
            "technology_score": placement.get("technology_score") or 0.0,
        }
        for placement in data["placements"]
    ]
    return {
        "format": API_FORMAT,
        "year": snapshot.year,
        "slug": snapshot.slug,
        "published_at": snapshot.published_at.isoformat(),
        "revenue_bands": revenue_bands(),
        "categories": data["categories"],
        "technologies": data["technologies"],
        "fields": data["fields"],
        "players": players,
        "placements": placements,
    }
