"""Writing a parsed landscape.yml into a year's map, and exporting a year's map as landscape.yml.

Import rules (the file was validated whole by landscape_yml.parse_landscape first; this writes it in one
transaction, all or nothing):
- the landscape becomes one new domain of the year's taxonomy (created when the year has none), named
  after the file (or `domain_name`); each landscape category becomes a layer *and* a category of the
  same name under it (our taxonomy has two levels more than the landscape's), each subcategory a
  subcategory — except a subcategory named like its category, whose items sit on the category itself;
- an item is a player, matched to an existing one by `players.player_name_key`, else created as a
  non-member with source "import"; its first subcategory is the primary placement, the others (the
  same name in several subcategories) secondary ones;
- a staff member runs the import, and the file is the authority for where its items sit, so its
  placements are confirmed; a player already placed in that year keeps its placement and gains the
  landscape's nodes as secondary ones;
- a logo file found in logos/ is cleaned and stored (alliance/ecosystem/svg.py); a logo that is
  missing or refused is a warning.
Side effects: audit `ecosystem.landscape.imported` (counts) and `ecosystem.player.created` per new player.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import build_audit, record_audit
from alliance.core.models import AuditEntry
from alliance.ecosystem.models import Level, Placement, Player, Taxonomy, TaxonomyNode, ValueSource
from alliance.ecosystem.queries import node_paths
from alliance.ecosystem.services.landscape_yml import (
    Landscape,
    LandscapeError,
    dump_landscape,
    path_label,
    second_paths,
)
from alliance.ecosystem.services.logos import LOGO_DIR, store_by_hash
from alliance.ecosystem.services.players import player_name_key
from alliance.ecosystem.services.taxonomy import bulk_tree
from alliance.ecosystem.svg import LogoError, clean_logo
from alliance.members.services.importing_sql import insert_objects


@dataclass
class ImportResult:
    taxonomy: Taxonomy
    domain: TaxonomyNode
    items: int
    players_created: int
    players_matched: int
    placements_created: int
    logos: int
    warnings: list[str] = field(default_factory=list)


def _tree(landscape: Landscape, domain_name: str) -> list[dict]:
    return [
        {
            "name": domain_name,
            "layers": [
                {
                    "name": category.name,
                    "categories": [
                        {
                            "name": category.name,
                            "subcategories": [
                                {"name": sub.name} for sub in category.subcategories if sub.name != category.name
                            ],
                        }
                    ],
                }
                for category in landscape.categories
            ],
        }
    ]


def _store_logo(path: Path, warnings: list[str], item) -> str:
    try:
        logo = clean_logo(path.read_bytes(), path.name)
    except (OSError, LogoError) as error:
        warnings.append(
            _("Line %(line)s: the logo of “%(name)s” was not used (%(reason)s).")
            % {"line": item.line, "name": item.name, "reason": error}
        )
        return ""
    return store_by_hash(LOGO_DIR, logo)


def _merged_extra(found: list) -> dict:
    """The first item's other keys, with the `second_path` of every item of the player (an item listed twice
    may name its second paths on either entry)."""
    extra = dict(found[0][0].extra)
    paths = list(dict.fromkeys(path for item, _node in found for path in second_paths(item.extra)))
    if paths:
        extra["second_path"] = paths
    return extra


def _occurrences(landscape: Landscape, node_of, warnings: list[str]) -> dict[str, list]:
    """Items grouped by player, in file order: the first occurrence gives the data and the primary node."""
    occurrences: dict[str, list] = {}
    for category in landscape.categories:
        for sub in category.subcategories:
            for item in sub.items:
                occurrences.setdefault(player_name_key(item.name), []).append((item, node_of(category, sub)))
    _add_second_paths(occurrences, landscape, node_of, warnings)
    return occurrences


def _add_second_paths(occurrences: dict[str, list], landscape: Landscape, node_of, warnings: list[str]) -> None:
    """Each item's `second_path` subcategories as further (secondary) nodes of its player; unknown ones warned."""
    node_by_label = {
        path_label(category.name, sub.name): node_of(category, sub)
        for category in landscape.categories
        for sub in category.subcategories
    }
    for found in occurrences.values():
        listed = {node for _item, node in found}
        for item, _node in list(found):
            paths = second_paths(item.extra)
            # A second path where the item is also listed as an item (the CNCF file has some) says it twice: the
            # item stays listed there, and the path is dropped so that the export does not hide that entry.
            redundant = [label for label in paths if node_by_label.get(label) in listed]
            if redundant:
                kept = [label for label in paths if label not in redundant]
                item.extra = {k: v for k, v in item.extra.items() if k != "second_path"} | (
                    {"second_path": kept} if kept else {}
                )
            for label in paths:
                if label in redundant:
                    continue
                if label in node_by_label:
                    found.append((item, node_by_label[label]))
                    continue
                warnings.append(
                    _("Line %(line)s: “%(name)s” has the second path “%(path)s”, which is not in the file.")
                    % {"line": item.line, "name": item.name, "path": label}
                )


def import_landscape(
    *, actor, landscape: Landscape, year: int, domain_name: str, logo_dir: Path | None = None
) -> ImportResult:
    """Write the landscape into `year`'s map (see the module docstring for the rules)."""
    warnings = list(landscape.warnings)
    today = timezone.localdate().isoformat()
    with transaction.atomic():
        taxonomy, created = Taxonomy.objects.get_or_create(year=year)
        if created:
            record_audit(action="ecosystem.taxonomy.created", actor=actor, target=taxonomy, after={"year": year})
        if TaxonomyNode.objects.filter(taxonomy=taxonomy, parent=None, name=domain_name).exists():
            raise LandscapeError(
                [_("The %(year)s taxonomy already has a domain “%(name)s”.") % {"year": year, "name": domain_name}]
            )
        bulk_tree(taxonomy, _tree(landscape, domain_name))
        domain = TaxonomyNode.objects.get(taxonomy=taxonomy, parent=None, name=domain_name)
        node_by_path = {tuple(path): pk for pk, path in node_paths(taxonomy).items() if path[0] == domain_name}

        def node_of(category, sub) -> int:
            if sub.name == category.name:
                return node_by_path[(domain_name, category.name, category.name)]
            return node_by_path[(domain_name, category.name, category.name, sub.name)]

        occurrences = _occurrences(landscape, node_of, warnings)
        existing = {player.name_key: player for player in Player.objects.filter(name_key__in=list(occurrences))}
        new_players, logos = [], 0
        for key, found in occurrences.items():
            if key in existing:
                continue
            item = found[0][0]
            logo_name = ""
            if item.logo and logo_dir is not None and (logo_dir / item.logo).is_file():
                logo_name = _store_logo(logo_dir / item.logo, warnings, item)
                logos += bool(logo_name)
            values = {"name": item.name, "homepage": item.homepage[:300], "description": item.description}
            new_players.append(
                Player(
                    name_key=key,
                    logo=logo_name,
                    landscape_extra=_merged_extra(found),
                    sources={
                        name: {"source": ValueSource.IMPORT.value, "on": today}
                        for name, value in values.items()
                        if value
                    },
                    **values,
                )
            )
        insert_objects(Player, new_players)
        players = existing | {
            player.name_key: player for player in Player.objects.filter(name_key__in=list(occurrences))
        }
        placed = {
            placement.player_id: placement
            for placement in Placement.objects.filter(taxonomy=taxonomy, player__in=[p.pk for p in players.values()])
        }
        now = timezone.now()
        confirmed_by = actor if getattr(actor, "is_authenticated", False) else None
        new_placements, secondary_rows = [], []
        for key, found in occurrences.items():
            player = players[key]
            nodes = list(dict.fromkeys(node for _item, node in found))
            if player.pk in placed:
                secondary_rows += [
                    (placed[player.pk].pk, node) for node in nodes if node != placed[player.pk].primary_id
                ]
                continue
            placement = Placement(
                player=player,
                taxonomy=taxonomy,
                primary_id=nodes[0],
                status=Placement.Status.CONFIRMED,
                confirmed_by=confirmed_by,
                confirmed_at=now,
            )
            placement.pending_secondary = nodes[1:]
            new_placements.append(placement)
        insert_objects(Placement, new_placements)
        with_secondary = {
            placement.player_id: placement.pending_secondary
            for placement in new_placements
            if placement.pending_secondary
        }
        for placement_id, player_id in Placement.objects.filter(
            taxonomy=taxonomy, player__in=list(with_secondary)
        ).values_list("pk", "player_id"):
            secondary_rows += [(placement_id, node) for node in with_secondary[player_id]]
        secondary_through = Placement.secondary.through
        secondary_through.objects.bulk_create(
            [secondary_through(placement_id=placement, taxonomynode_id=node) for placement, node in secondary_rows],
            batch_size=1000,
            ignore_conflicts=True,
        )
        created_players = [players[player.name_key] for player in new_players]
        insert_objects(
            AuditEntry,
            (
                build_audit(
                    action="ecosystem.player.created",
                    actor=actor,
                    target=player,
                    after={"name": player.name, "source": ValueSource.IMPORT.value},
                )
                for player in created_players
            ),
        )
        result = ImportResult(
            taxonomy=taxonomy,
            domain=domain,
            items=landscape.item_count,
            players_created=len(new_players),
            players_matched=len(occurrences) - len(new_players),
            placements_created=len(new_placements),
            logos=logos,
            warnings=warnings,
        )
        record_audit(
            action="ecosystem.landscape.imported",
            actor=actor,
            target=taxonomy,
            after={
                "domain": domain_name,
                "categories": len(landscape.categories),
                "items": result.items,
                "players_created": result.players_created,
                "players_matched": result.players_matched,
                "placements_created": result.placements_created,
                "logos": logos,
                "warnings": len(warnings),
            },
        )
    return result


def landscape_categories(taxonomy: Taxonomy, *, logo_names: dict | None = None) -> list[dict]:
    """The year's map in the landscape format's nesting (see landscape_yml's docstring for the mapping).

    `logo_names`, when given, is filled with {file name written in the YAML: storage name} for players
    whose logo file is stored, so the caller can copy the files into logos/; an item has a `logo:` key only
    then (without `logo_names`, none has).
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
        # A secondary placement named by the item's `second_path` is written there, on the item, not as a copy.
        players = [
            player
            for player in on_node.get(node_id, [])
            if primary_of[player.pk] == node_id or label not in second_paths(player.landscape_extra)
        ]
        return [
            _item(player, logo_names, primary=primary_of[player.pk] == node_id)
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


def _item(player: Player, logo_names: dict | None, *, primary: bool = True) -> dict:
    """The landscape item of a player; `logo:` only for a logo file that is stored and will be written."""
    item = {"name": player.name}
    if player.homepage:
        item["homepage_url"] = player.homepage
    if player.description:
        item["description"] = player.description
    # A `logo:` kept from an import (before logos were modelled) names a file we may never have had.
    extra = {key: value for key, value in player.landscape_extra.items() if key != "logo"}
    if not primary:
        extra.pop("second_path", None)  # said once, on the item where the player is primarily placed
    if player.logo and logo_names is not None and default_storage.exists(player.logo.name):
        file_name = Path(player.logo.name).name
        logo_names[file_name] = player.logo.name
        extra["logo"] = file_name
    return item | extra


def export_landscape(*, year: int, out_path: Path) -> dict:
    """Write `year`'s map to `out_path` in the current landscape.yml form, logos into logos/ beside it.

    Returns {"categories": n, "items": n, "logos": n}. Reads only; writes files, not the database.
    """
    taxonomy = Taxonomy.objects.get(year=year)
    logo_names: dict[str, str] = {}
    categories = landscape_categories(taxonomy, logo_names=logo_names)
    out_path = Path(out_path)
    out_path.write_text(dump_landscape(categories), encoding="utf-8")
    if logo_names:
        logo_dir = out_path.parent / "logos"
        logo_dir.mkdir(exist_ok=True)
        for file_name, storage_name in logo_names.items():
            with default_storage.open(storage_name, "rb") as source:
                (logo_dir / file_name).write_bytes(source.read())
    return {
        "categories": len(categories),
        "items": sum(len(sub["items"]) for category in categories for sub in category["subcategories"]),
        "logos": len(logo_names),
    }
