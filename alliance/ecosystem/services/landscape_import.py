"""Writing a parsed landscape.yml into a year's map, and exporting a year's map as landscape.yml.

Import rules (the file was validated whole by landscape_yml.parse_landscape first; this writes it in one
transaction, all or nothing):
- the landscape becomes one new domain of the year's taxonomy (created when the year has none), named
  after the file (or `domain_name`); each landscape category becomes a layer *and* a category of the
  same name under it (our taxonomy has two levels more than the landscape's), each subcategory a
  subcategory — except a subcategory named like its category, whose items sit on the category itself;
- items are players by the evidence rule of services/landscape_identity.py: one player only for the same
  name key AND a shared homepage or repository (an item without either joins the one player of its key);
  different projects named alike (`kubectx` and `KubeCtx`) are imported under their own names, told apart
  by `Player.disambiguator`, and the notes say so — unless staff decided the pair (services/matches.py): one
  company is joined (not within one subcategory, whose two items stay two), two companies stay apart, and
  the notes say which decision applied; the pairs kept apart or joined by a decision are listed in
  `ImportResult.pairs` for the check page. A player is matched to an existing one by the same rule,
  else created as a non-member with source "import"; its first subcategory is the primary placement, the
  others (the same player listed in several subcategories) secondary ones;
- what a later entry of the same player says differently (its own name spelling, description, repo_url…)
  is kept in `landscape_extra["_entries"]` by the entry's `Category / Subcategory`, so the export writes
  each entry back as it came in;
- a staff member runs the import, and the file is the authority for where its items sit, so its
  placements are confirmed; a player already placed in that year keeps its placement and gains the
  landscape's nodes as secondary ones;
- a logo file found in logos/ is cleaned and stored (alliance/ecosystem/logo_sanitiser.py); a logo that is
  missing or refused is a warning.
Side effects: audit `ecosystem.landscape.imported` (counts) and `ecosystem.player.created` per new player.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import build_audit, record_audit
from alliance.core.dates import format_moment
from alliance.core.models import AuditEntry
from alliance.ecosystem.models import Placement, Player, Taxonomy, TaxonomyNode, ValueSource
from alliance.ecosystem.queries import node_paths
from alliance.ecosystem.services.landscape_export import (
    ENTRIES,
    entry_values,
    export_landscape,
    is_added_by_export,
    landscape_categories,
)
from alliance.ecosystem.services.landscape_identity import (
    Decision,
    Decisions,
    Group,
    Grouping,
    disambiguator,
    evidence,
    player_evidence,
    representative,
)
from alliance.ecosystem.services.landscape_yml import Landscape, LandscapeError, path_label, second_paths
from alliance.ecosystem.services.logos import LOGO_DIR, store_by_hash
from alliance.ecosystem.services.matches import decisions_for
from alliance.ecosystem.services.players import player_name_key

__all__ = [
    "AlikePair",
    "ImportResult",
    "export_landscape",
    "import_landscape",
    "landscape_categories",
    "preview_landscape",
]
from alliance.ecosystem.logo_sanitiser import LogoError, clean_logo
from alliance.ecosystem.services.taxonomy import bulk_tree
from alliance.members.services.importing_sql import insert_objects


@dataclass(frozen=True)
class Side:
    """One side of an alike pair: an item of the file (its line) or a player already on the map (no line)."""

    name: str
    line: int | None
    url: str  # representative(): what the pair is decided by


@dataclass(frozen=True)
class AlikePair:
    """Two players of one name key the evidence rule keeps apart, or that a staff decision joined."""

    key: str
    first: Side
    second: Side
    decision: Decision | None  # the decision that applied, if any


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
    pairs: list[AlikePair] = field(default_factory=list)


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
        content = path.read_bytes()
        if is_added_by_export(logo=content):
            return ""  # the landscape2 export's placeholder is no one's logo
        logo = clean_logo(content, path.name)
    except (OSError, LogoError) as error:
        warnings.append(
            _("Line %(line)s: the logo of “%(name)s” was not used (%(reason)s).")
            % {"line": item.line, "name": item.name, "reason": error}
        )
        return ""
    return store_by_hash(LOGO_DIR, logo)


def _merged_extra(found: list) -> dict:
    """The first entry's other keys (with its own `second_path`), and under ENTRIES each later entry listed in
    another subcategory with what it says differently from the first: {label: {key: its value, or None when it
    lacks the key}} ({} when it says the same), so the export writes every entry back as it came in."""
    first = found[0][0]

    def said(item) -> dict:
        paths = second_paths(item.extra)
        return entry_values(item.name, item.homepage, item.description, item.extra) | (
            {"second_path": paths} if paths else {}
        )

    extra = dict(first.extra)
    base = said(first)
    entries, seen = {}, {id(first)}
    for item, _node, label in found[1:]:
        if id(item) in seen:  # a second path of an entry already seen: the same data
            continue
        seen.add(id(item))
        values = said(item)
        differs = {key: value for key, value in values.items() if base.get(key) != value}
        entries[label] = differs | {key: None for key in base if key not in values}
    if entries:
        extra[ENTRIES] = entries
    return extra


def _side(group: Group) -> Side:
    """How a group shows in a pair: the player already on the map it was matched to, else its first item."""
    if group.player is not None:
        extra = group.player.landscape_extra or {}
        return Side(group.player.name, None, representative(group.player.homepage, extra.get("repo_url")))
    item = group.entries[0][0]
    return Side(item.name, item.line, representative(item.homepage, item.extra.get("repo_url")))


def _item_side(item) -> Side:
    return Side(item.name, item.line, representative(item.homepage, item.extra.get("repo_url")))


def _occurrences(
    landscape: Landscape, node_of, existing: list[Player], warnings: list[str], decisions: Decisions
) -> tuple[list[Group], list[AlikePair]]:
    """Items grouped into players by the evidence rule and staff's decisions, in file order (the first entry
    gives the data and the primary node); a group matched to an existing player carries it. Alike names kept
    apart, and those joined by a decision, are noted and returned as pairs."""
    grouping = Grouping(decisions)
    for player in existing:  # existing players are never joined to each other, only items to them
        grouping.by_key.setdefault(player.name_key, []).append(
            Group(key=player.name_key, evidence=player_evidence(player), player=player)
        )
    pairs: list[AlikePair] = []
    for category in landscape.categories:
        for sub in category.subcategories:
            label = path_label(category.name, sub.name)
            for item in sub.items:
                key = player_name_key(item.name)
                found = evidence(item.homepage, item.extra.get("repo_url"))
                group, decision = grouping.match(key, found)
                if decision is not None and any(entry[2] == label for entry in group.entries):
                    group, decision = None, None  # one subcategory lists them as two items: two players
                if decision is not None:
                    pairs.append(AlikePair(key, _side(group), _item_side(item), decision))
                    warnings.append(_joined_note(item, _side(group), decision))
                group = grouping.join(group, key, found)
                group.entries.append((item, node_of(category, sub), label))
    groups = [group for group in grouping.groups if group.entries]
    pairs += _note_alike(grouping, warnings)
    _add_second_paths(groups, landscape, node_of, warnings)
    return groups, [pair for pair in pairs if pair.first.url and pair.second.url]


def _decided(decision: Decision) -> dict:
    return {"by": decision.decided_by or "-", "on": format_moment(decision.decided_on)}


def _joined_note(item, other: Side, decision: Decision) -> str:
    values = {"line": item.line, "name": item.name, "other": other.name, "other_line": other.line}
    if other.line is None:
        message = _(
            "Line %(line)s: “%(name)s” is matched to the player “%(other)s” already on the map although their "
            "homepages and repositories differ: staff confirmed they are one company (%(by)s, %(on)s)."
        )
    else:
        message = _(
            "Line %(line)s: “%(name)s” and “%(other)s” on line %(other_line)s are imported as one company although "
            "their homepages and repositories differ: staff confirmed they are one (%(by)s, %(on)s)."
        )
    return message % (values | _decided(decision))


def _note_alike(grouping: Grouping, warnings: list[str]) -> list[AlikePair]:
    """One note per player kept apart from another of the same name key (different homepage and repository),
    saying so when staff decided they are different companies; returns those pairs."""
    pairs = []
    for key, groups in grouping.by_key.items():
        first = groups[0]
        for group in groups[1:]:
            if not group.entries:
                continue
            item = group.entries[0][0]
            decision = grouping.decisions.between(key, first.evidence, group.evidence)
            decision = decision if decision is not None and not decision.same else None
            pairs.append(AlikePair(key, _side(first), _item_side(item), decision))
            values = {"line": item.line, "name": item.name}
            if first.entries and first.player is None:
                other = first.entries[0][0]
                values |= {"other": other.name, "other_line": other.line}
                if decision is not None:
                    message = _(
                        "Line %(line)s: “%(name)s” and “%(other)s” on line %(other_line)s have alike names: "
                        "imported as two players, as staff decided they are different companies (%(by)s, %(on)s)."
                    )
                else:
                    message = _(
                        "Line %(line)s: “%(name)s” and “%(other)s” on line %(other_line)s have alike names but "
                        "different homepages and repositories: imported as two players."
                    )
            else:
                values["other"] = first.player.name
                if decision is not None:
                    message = _(
                        "Line %(line)s: “%(name)s” has the name of the player “%(other)s” already on the map: "
                        "imported as another player, as staff decided they are different companies "
                        "(%(by)s, %(on)s)."
                    )
                else:
                    message = _(
                        "Line %(line)s: “%(name)s” has the name of the player “%(other)s” already on the map but "
                        "a different homepage and repository: imported as another player."
                    )
            warnings.append(message % (values | (_decided(decision) if decision else {})))
    return pairs


def _add_second_paths(groups: list[Group], landscape: Landscape, node_of, warnings: list[str]) -> None:
    """Each item's `second_path` subcategories as further (secondary) nodes of its player; unknown ones warned."""
    node_by_label = {
        path_label(category.name, sub.name): node_of(category, sub)
        for category in landscape.categories
        for sub in category.subcategories
    }
    for group in groups:
        found = group.entries
        listed = {node for _item, node, _label in found}
        for item, _node, _label in list(found):
            for label in second_paths(item.extra):
                # A second path where the item is also listed as an item (the CNCF file has some) says it twice:
                # one placement; the export writes both the entry there and the path, as they came in.
                if node_by_label.get(label) in listed:
                    continue
                if label in node_by_label:
                    found.append((item, node_by_label[label], label))
                    continue
                warnings.append(
                    _("Line %(line)s: “%(name)s” has the second path “%(path)s”, which is not in the file.")
                    % {"line": item.line, "name": item.name, "path": label}
                )


def _new_player(group: Group, taken: set[str], logo_dir, warnings: list[str], today: str) -> tuple[Player, bool]:
    """An unsaved player for a group no existing player matched, and whether its logo was stored."""
    item = group.entries[0][0]
    logo_name = ""
    if item.logo and logo_dir is not None and (logo_dir / item.logo).is_file():
        logo_name = _store_logo(logo_dir / item.logo, warnings, item)
    homepage = "" if is_added_by_export(homepage=item.homepage) else item.homepage[:300]
    values = {"name": item.name, "homepage": homepage, "description": item.description}
    tells_apart = disambiguator(group.evidence, item.homepage, item.extra.get("repo_url"), taken) if taken else ""
    taken.add(tells_apart)
    player = Player(
        name_key=group.key,
        disambiguator=tells_apart,
        logo=logo_name,
        landscape_extra=_merged_extra(group.entries),
        sources={name: {"source": ValueSource.IMPORT.value, "on": today} for name, value in values.items() if value},
        **values,
    )
    return player, bool(logo_name)


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

        keys = {
            player_name_key(item.name) for c in landscape.categories for sub in c.subcategories for item in sub.items
        }
        existing = list(Player.objects.filter(name_key__in=keys).order_by("disambiguator", "pk"))
        groups, pairs = _occurrences(landscape, node_of, existing, warnings, decisions_for(keys))
        taken: dict[str, set[str]] = {}
        for player in existing:
            taken.setdefault(player.name_key, set()).add(player.disambiguator)
        new_players, logos = [], 0
        for group in groups:
            if group.player is None:
                player, stored_logo = _new_player(group, taken.setdefault(group.key, set()), logo_dir, warnings, today)
                new_players.append(player)
                logos += stored_logo
        insert_objects(Player, new_players)
        stored = {
            (player.name_key, player.disambiguator): player
            for player in Player.objects.filter(name_key__in=[player.name_key for player in new_players])
        }
        for group, player in zip([g for g in groups if g.player is None], new_players, strict=True):
            group.player = stored[(player.name_key, player.disambiguator)]
        placed = {
            placement.player_id: placement
            for placement in Placement.objects.filter(taxonomy=taxonomy, player__in=[g.player.pk for g in groups])
        }
        now = timezone.now()
        confirmed_by = actor if getattr(actor, "is_authenticated", False) else None
        new_placements, secondary_rows = [], []
        for group in groups:
            player = group.player
            nodes = list(dict.fromkeys(node for _item, node, _label in group.entries))
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
        created_players = [stored[(player.name_key, player.disambiguator)] for player in new_players]
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
            players_matched=len(groups) - len(new_players),
            placements_created=len(new_placements),
            logos=logos,
            warnings=warnings,
            pairs=pairs,
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


class _TrialRunDoneError(Exception):
    def __init__(self, result: ImportResult):
        self.result = result


def preview_landscape(*, landscape: Landscape, year: int, domain_name: str) -> ImportResult:
    """What `import_landscape` would do (counts, notes), found by running it and rolling it back: the same
    rules, so the confirmation says exactly what the import then does. Raises LandscapeError as it does.
    Side effects: none (everything written is rolled back; no logo is stored, the web upload has none)."""
    try:
        with transaction.atomic():
            result = import_landscape(actor=None, landscape=landscape, year=year, domain_name=domain_name)
            raise _TrialRunDoneError(result)
    except _TrialRunDoneError as trial:
        return trial.result
