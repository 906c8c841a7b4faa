"""Writing a year's map as landscape.yml: for re-import, and as a directory or zip a landscape2 build accepts.

See landscape_yml's docstring for the mapping. Each placement is an item; a player listed in several
subcategories is written in each with what that entry said differently when it was imported
(`landscape_extra["_entries"]`, by `Category / Subcategory`): its own spelling, description, repo_url…, so the
export gives back what came in. A secondary placement named by the item's `second_path` is written there, on
the item, not as a copy.

landscape2 (cncf/landscape2, `landscape2 build`) requires of every item a `name`, a `homepage_url` and a
`logo` file in logos/ (services/landscape2_rules.py lists its rules). `export_landscape(..., landscape2=True)`
adds what a player lacks and says how many it added:
- `logo: placeholder.svg`, a neutral grey square written into logos/ once, for a player without a stored logo;
- `homepage_url`: the player's card on this site (SITE_URL) for a player without a homepage, and `http://` in
  front of a homepage written without a scheme (`www.example.kr`).
An import recognises both and does not take them as the player's logo or homepage.
"""

import io
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.urls import reverse

from alliance.ecosystem.models import Level, Placement, Player, Taxonomy, TaxonomyNode
from alliance.ecosystem.services.landscape_yml import dump_landscape, path_label, second_paths

ENTRIES = "_entries"  # Player.landscape_extra: {label: {key: value or None}} of the player's other entries
PLACEHOLDER_LOGO = "placeholder.svg"
PLACEHOLDER_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
    b'<rect x="4" y="4" width="92" height="92" rx="8" fill="#e5e7eb" stroke="#9ca3af" stroke-width="4"/></svg>\n'
)


def entry_values(name: str, homepage: str, description: str, extra: dict) -> dict:
    """What one landscape entry says: name, homepage_url, description and its other keys (not second_path)."""
    values = {"name": name}
    if homepage:
        values["homepage_url"] = homepage
    if description:
        values["description"] = description
    return values | {key: value for key, value in extra.items() if key not in ("second_path", ENTRIES, "logo")}


def is_added_by_export(*, homepage: str = "", logo: bytes | None = None) -> bool:
    """Whether a homepage or logo bytes are what the landscape2 export filled in, not the player's own."""
    if logo is not None:
        return logo == PLACEHOLDER_SVG
    return bool(homepage) and homepage.startswith(f"{settings.SITE_URL}/ecosystem/")


def landscape_categories(
    taxonomy: Taxonomy, *, logo_names: dict | None = None, added: dict | None = None
) -> list[dict]:
    """The year's map in the landscape format's nesting (see landscape_yml's docstring for the mapping).

    `logo_names`, when given, is filled with {file name written in the YAML: storage name} for players
    whose logo file is stored, so the caller can copy the files into logos/; an item has a `logo:` key only
    then (without `logo_names`, none has). `added`, when given ({"logos": 0, "homepages": 0}), asks for what
    landscape2 requires (module docstring) and counts what was added.
    """
    nodes = list(TaxonomyNode.objects.filter(taxonomy=taxonomy).order_by("position", "id"))
    children: dict = {}
    for node in nodes:
        children.setdefault(node.parent_id, []).append(node)
    placements = list(
        Placement.objects.filter(taxonomy=taxonomy, status=Placement.Status.CONFIRMED).select_related("player")
    )
    on_node: dict[int, list[Player]] = {}
    for placement in placements:
        on_node.setdefault(placement.primary_id, []).append(placement.player)
    players_by_placement = {placement.pk: placement.player for placement in placements}
    for placement_id, node_id in Placement.secondary.through.objects.filter(
        placement__taxonomy=taxonomy, placement__status=Placement.Status.CONFIRMED
    ).values_list("placement_id", "taxonomynode_id"):
        on_node.setdefault(node_id, []).append(players_by_placement[placement_id])

    primary_of = {placement.player_id: placement.primary_id for placement in placements}

    def items(node_id: int, label: str) -> list[dict]:
        # A secondary placement named by a `second_path` is written there, on the item, not as a copy, unless the
        # player was also listed there as an item (an entry of its own).
        players = [
            player
            for player in on_node.get(node_id, [])
            if primary_of[player.pk] == node_id
            or label in (player.landscape_extra.get(ENTRIES) or {})
            or label not in _all_second_paths(player.landscape_extra)
        ]
        return [
            _item(
                player,
                logo_names,
                label=label,
                primary=primary_of[player.pk] == node_id,
                added=added,
                year=taxonomy.year,
            )
            for player in sorted(players, key=lambda p: p.name.casefold())
        ]

    categories = []

    def walk(parent_id):
        for node in children.get(parent_id, []):
            if node.level == Level.CATEGORY:
                subcategories = []
                if on_node.get(node.pk):
                    subcategories.append({"name": node.name, "items": items(node.pk, path_label(node.name, node.name))})
                subcategories += [
                    {"name": sub.name, "items": items(sub.pk, path_label(node.name, sub.name))}
                    for sub in children.get(node.pk, [])
                ]
                categories.append({"name": node.name, "subcategories": subcategories})
            else:
                walk(node.pk)

    walk(None)
    return categories


def _all_second_paths(extra: dict) -> set[str]:
    """The second paths of every entry of the player (its first one's and those of its other entries)."""
    paths = set(second_paths(extra))
    for override in (extra.get(ENTRIES) or {}).values():
        paths.update(second_paths({"second_path": override.get("second_path")}))
    return paths


def _item(player: Player, logo_names: dict | None, *, label: str, primary: bool, added: dict | None, year: int) -> dict:
    """The landscape item of a player on the node `label`; `logo:` only for a logo file that is stored and will
    be written (or the placeholder when `added` asks for landscape2's required keys)."""
    extra = dict(player.landscape_extra)
    entries = extra.pop(ENTRIES, None) or {}
    # A `logo:` kept from an import (before logos were modelled) names a file we may never have had.
    item = entry_values(player.name, player.homepage, player.description, extra)
    if primary and "second_path" in extra:
        item["second_path"] = extra["second_path"]  # said once, on the item where the player is primarily placed
    if not primary:
        for key, value in entries.get(label, {}).items():  # what this entry said differently
            if value is None:
                item.pop(key, None)
            else:
                item[key] = value
    if player.logo and logo_names is not None and default_storage.exists(player.logo.name):
        file_name = Path(player.logo.name).name
        logo_names[file_name] = player.logo.name
        item["logo"] = file_name
    if added is not None:
        _complete_for_landscape2(item, player, added, year)
    return item


def _complete_for_landscape2(item: dict, player: Player, added: dict, year: int) -> None:
    if "logo" not in item:
        item["logo"] = PLACEHOLDER_LOGO
        added["logos"] += 1
    homepage = str(item.get("homepage_url") or "").strip()
    if not homepage:
        item["homepage_url"] = settings.SITE_URL + reverse("ecosystem:player_card", args=[year, player.pk])
        added["homepages"] += 1
    elif "://" not in homepage:
        item["homepage_url"] = f"http://{homepage}"
        added["homepages"] += 1


def export_landscape(*, year: int, out_path: Path, landscape2: bool = False) -> dict:
    """Write `year`'s map to `out_path` in the current landscape.yml form, stored logos into logos/ beside it.

    With `landscape2`, or when `out_path` ends in `.zip`, every item has what a landscape2 build requires
    (module docstring), and logos/ holds the placeholder too; a `.zip` holds `landscape.yml` and `logos/`.
    Returns {"categories", "items", "logos", "placeholder_logos", "homepages_added"}. Reads only; writes files.
    """
    out_path = Path(out_path)
    as_zip = out_path.suffix.lower() == ".zip"
    taxonomy = Taxonomy.objects.get(year=year)
    logo_names: dict[str, str] = {}
    added = {"logos": 0, "homepages": 0} if (landscape2 or as_zip) else None
    categories = landscape_categories(taxonomy, logo_names=logo_names, added=added)
    files = {"landscape.yml" if as_zip else out_path.name: dump_landscape(categories).encode("utf-8")}
    for file_name, storage_name in logo_names.items():
        with default_storage.open(storage_name, "rb") as source:
            files[f"logos/{file_name}"] = source.read()
    if added and added["logos"]:
        files[f"logos/{PLACEHOLDER_LOGO}"] = PLACEHOLDER_SVG
    if as_zip:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in files.items():
                archive.writestr(name, content)
        out_path.write_bytes(buffer.getvalue())
    else:
        for name, content in files.items():
            (out_path.parent / name).parent.mkdir(exist_ok=True)
            (out_path.parent / name).write_bytes(content)
    return {
        "categories": len(categories),
        "items": sum(len(sub["items"]) for category in categories for sub in category["subcategories"]),
        "logos": len(logo_names),
        "placeholder_logos": added["logos"] if added else 0,
        "homepages_added": added["homepages"] if added else 0,
    }
