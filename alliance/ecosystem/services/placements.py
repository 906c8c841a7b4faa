"""Writes to placements: where a player sits on a year's map, its figures and technology inputs.

Rules:
- the primary node is a category or subcategory of the placement's taxonomy; secondary nodes,
  technologies and fields belong to the same taxonomy (the primary is never also a secondary);
- the technology score is recomputed from its inputs by scoring.technology_score on every save;
- each figure set is stamped in `Placement.sources` with its source (registry / survey / staff /
  import) and date; a new placement's figure equal to the player's own (queries.player_figures: revenue
  and employees, a member's from the registry) keeps the player's source and date;
- saving a placement makes it a draft again; only a person confirms it: `confirm_placement`,
  `confirm_placements` (staff's selection of drafts, in bulk), or a save with `confirm=True` when the save
  is itself a person's review (an applied survey answer, see services/survey.py);
- a save with `expected_version` (the version the staff form was loaded with) is refused with
  core.versions.StaleEditError when the placement changed since; every write to what the form shows moves the
  version on (a new placement starts at 1, so a second "new" form is stale too);
- `refresh_registry_figures` keeps registry-sourced figures of unpublished years up to date with the
  registry, never overwriting a value staff, a survey or an import set, and leaves the status as it is.
Side effects: audit `ecosystem.placement.saved` / `.confirmed` / `.refreshed`.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from alliance.core.audit import build_audit, changed, record_audit, snapshot
from alliance.core.models import AuditEntry
from alliance.core.versions import StaleEditError, bump_version, bump_versions, check_version
from alliance.ecosystem import phrases
from alliance.ecosystem.models import (
    PLACEABLE_LEVELS,
    Placement,
    Player,
    Snapshot,
    Taxonomy,
    TaxonomyNode,
    ValueSource,
)
from alliance.ecosystem.queries import PLAYER_FIGURES, node_paths, player_figures
from alliance.ecosystem.scoring import technology_score

FIGURES = ("revenue", "employees", "patents", "rd_staff_share", "certifications", "awards")
AUDITED = ("primary", "status", *FIGURES, "technology_score")


def _audit_values(placement: Placement) -> dict:
    values = snapshot(placement, AUDITED)
    if placement.pk:
        values["secondary"] = sorted(placement.secondary.values_list("name", flat=True))
        values["technologies"] = sorted(placement.technologies.values_list("name", flat=True))
        values["fields"] = sorted(placement.fields.values_list("name", flat=True))
    return values


def _check_same_taxonomy(taxonomy: Taxonomy, items) -> None:
    for item in items:
        if item.taxonomy_id != taxonomy.pk:
            raise ValidationError(phrases.NODE_OTHER_TAXONOMY, code="other_taxonomy", params={"name": item.name})


def _check_placeable(node: TaxonomyNode) -> None:
    if node.level not in PLACEABLE_LEVELS:
        raise ValidationError(phrases.NOT_PLACEABLE, code="not_placeable")


def _locked_placement(player: Player, taxonomy: Taxonomy, expected_version: int | None) -> Placement | None:
    """The player's placement in `taxonomy`, locked; StaleEditError when it is not the version the form showed."""
    placement = Placement.objects.select_for_update().filter(player=player, taxonomy=taxonomy).first()
    if placement is not None:
        check_version(placement, expected_version)
    elif expected_version:  # the form showed a placement that has been deleted since
        raise StaleEditError(current_version=0)
    return placement


def _stamped_sources(placement: Placement, figures: dict, old_figures: dict, inherited: dict, *, source, on) -> dict:
    """The placement's value sources with each new or changed figure stamped (a new placement's figure equal
    to the player's own keeps the player's source and date)."""
    sources = dict(placement.sources)
    for key, value in figures.items():
        if placement.pk is None or old_figures[key] != value:
            known = inherited.get(key)
            if known is not None and known["value"] == value:
                sources[key] = {"source": known["source"], "on": known["on"]}
            else:
                sources[key] = {"source": str(source), "on": on.isoformat()}
    return sources


def save_placement(
    *,
    actor,
    player: Player,
    taxonomy: Taxonomy,
    primary: TaxonomyNode,
    secondary=(),
    technologies=(),
    fields=(),
    figures: dict | None = None,
    source: str = ValueSource.STAFF,
    on: datetime.date | None = None,
    actor_label: str = "",
    confirm: bool = False,
    expected_version: int | None = None,
) -> Placement:
    """Create or update `player`'s placement in `taxonomy` (back to draft when anything changed).

    `figures` holds any of FIGURES; the ones given replace the stored values and are stamped with
    `source` and `on` when they change (on a new placement, a value equal to the player's own keeps the
    player's source and date). With `confirm`, the save is the actor's confirmation: the placement ends
    confirmed (by the actor, now) instead of going back to draft. Side effect: audit
    `ecosystem.placement.saved` (with the status change, if any).
    """
    figures = {key: value for key, value in (figures or {}).items() if key in FIGURES}
    secondary = [node for node in secondary if node.pk != primary.pk]
    _check_placeable(primary)
    for node in secondary:
        _check_placeable(node)
    _check_same_taxonomy(taxonomy, [primary, *secondary, *technologies, *fields])
    on = on or timezone.localdate()
    with transaction.atomic():
        placement = _locked_placement(player, taxonomy, expected_version)
        before = _audit_values(placement) if placement else None
        inherited = {}
        if placement is None:
            placement = Placement(player=player, taxonomy=taxonomy, version=1)
            inherited = player_figures(player)
        placement.primary = primary
        old_figures = {key: getattr(placement, key) for key in FIGURES}
        for key, value in figures.items():
            setattr(placement, key, value)
        placement.technology_score = technology_score(
            patents=placement.patents,
            rd_staff_share=placement.rd_staff_share,
            certifications=placement.certifications,
            awards=placement.awards,
        )
        placement.sources = _stamped_sources(placement, figures, old_figures, inherited, source=source, on=on)
        placement.save()
        placement.secondary.set(secondary)
        placement.technologies.set(technologies)
        placement.fields.set(fields)
        after = _audit_values(placement)
        old, new = changed(before or {}, after)
        if new and before is not None:
            bump_version(placement)
        if confirm and (new or placement.status != Placement.Status.CONFIRMED):
            status_before = placement.status
            placement.status = Placement.Status.CONFIRMED
            placement.confirmed_by = actor if getattr(actor, "is_authenticated", False) else None
            placement.confirmed_at = timezone.now()
            placement.save(update_fields=["status", "confirmed_by", "confirmed_at", "updated_at"])
            if status_before != Placement.Status.CONFIRMED:
                if before is not None:
                    old["status"] = str(status_before)
                new["status"] = Placement.Status.CONFIRMED.value
        elif not new:
            return placement
        elif before is not None and placement.status == Placement.Status.CONFIRMED:
            placement.status = Placement.Status.DRAFT
            placement.save(update_fields=["status"])
            old["status"], new["status"] = Placement.Status.CONFIRMED.value, Placement.Status.DRAFT.value
        record_audit(
            action="ecosystem.placement.saved",
            actor=actor,
            actor_label=actor_label,
            target=placement,
            before=old if before is not None else None,
            after=new,
        )
    return placement


def confirm_placement(*, actor, placement: Placement) -> Placement:
    """A person confirms the placement as it stands. Side effect: audit `ecosystem.placement.confirmed`."""
    with transaction.atomic():
        placement = Placement.objects.select_for_update().get(pk=placement.pk)
        if placement.status == Placement.Status.CONFIRMED:
            return placement
        placement.status = Placement.Status.CONFIRMED
        placement.confirmed_by = actor if getattr(actor, "is_authenticated", False) else None
        placement.confirmed_at = timezone.now()
        placement.save(update_fields=["status", "confirmed_by", "confirmed_at", "updated_at"])
        record_audit(
            action="ecosystem.placement.confirmed",
            actor=actor,
            target=placement,
            before={"status": Placement.Status.DRAFT.value},
            after={"status": placement.status, "path": placement.primary.path},
        )
    return placement


def confirm_placements(*, actor, taxonomy: Taxonomy, placement_ids) -> int:
    """A person confirms the selected drafts of `taxonomy` as they stand, in one transaction.

    Rule: ids that are not drafts of this taxonomy (confirmed meanwhile, another year's) are left alone.
    Returns the number confirmed. Side effect: audit `ecosystem.placement.confirmed` per placement.
    """
    ids = sorted({int(pk) for pk in placement_ids})
    now = timezone.now()
    confirmed_by = actor if getattr(actor, "is_authenticated", False) else None
    with transaction.atomic():
        drafts = list(
            Placement.objects.select_for_update()
            .filter(pk__in=ids, taxonomy=taxonomy, status=Placement.Status.DRAFT)
            .order_by("pk")
        )
        if not drafts:
            return 0
        Placement.objects.filter(pk__in=[placement.pk for placement in drafts]).update(
            status=Placement.Status.CONFIRMED, confirmed_by=confirmed_by, confirmed_at=now, updated_at=now
        )
        paths = node_paths(taxonomy)
        AuditEntry.objects.bulk_create(
            [
                build_audit(
                    action="ecosystem.placement.confirmed",
                    actor=actor,
                    target=placement,
                    before={"status": Placement.Status.DRAFT.value},
                    after={"status": Placement.Status.CONFIRMED.value, "path": paths[placement.primary_id]},
                )
                for placement in drafts
            ],
            batch_size=500,
        )
    return len(drafts)


def refresh_registry_figures(*, actor, players) -> int:
    """Bring the registry-sourced figures of these players' placements up to date with the players.

    Rule: placements of years not yet published as a snapshot (a published year's figures are its
    history); per figure of PLAYER_FIGURES, only when the player's value comes from the registry and is
    known, and the placement's value came from the registry too (or is empty with no recorded source) and
    differs. A value staff, a survey or an import set is never overwritten; a value the registry no longer
    has is kept. Stamped source "registry" with the player's registry date. The status stays as it is: the
    registry's figures are the member's own, reviewed there, and the category does not change.
    Returns the number of placements changed. Side effect: audit `ecosystem.placement.refreshed` each.
    """
    players = {player.pk: player for player in players}
    published = Snapshot.objects.values("year")
    placements = Placement.objects.filter(player__in=list(players)).exclude(taxonomy__year__in=published)
    now = timezone.now()
    changed_rows, entries = [], []
    with transaction.atomic():
        for placement in placements.select_for_update().order_by("pk"):
            current = player_figures(players[placement.player_id])
            sources = dict(placement.sources)
            old, new = {}, {}
            for name in PLAYER_FIGURES:
                figure = current.get(name)
                recorded = sources.get(name)
                from_registry = (recorded or {}).get("source") == ValueSource.REGISTRY or (
                    recorded is None and getattr(placement, name) is None
                )
                if figure is None or figure["source"] != ValueSource.REGISTRY or not from_registry:
                    continue
                if getattr(placement, name) == figure["value"]:
                    continue
                old[name], new[name] = getattr(placement, name), figure["value"]
                setattr(placement, name, figure["value"])
                sources[name] = {"source": ValueSource.REGISTRY.value, "on": figure["on"]}
            if not new:
                continue
            placement.sources = sources
            placement.updated_at = now
            changed_rows.append(placement)
            entries.append(
                build_audit(
                    action="ecosystem.placement.refreshed", actor=actor, target=placement, before=old, after=new
                )
            )
        Placement.objects.bulk_update(changed_rows, [*PLAYER_FIGURES, "sources", "updated_at"], batch_size=500)
        bump_versions(Placement.objects.filter(pk__in=[placement.pk for placement in changed_rows]))
        AuditEntry.objects.bulk_create(entries, batch_size=500)
    return len(changed_rows)


def copy_placements(*, source: Taxonomy, target: Taxonomy) -> int:
    """Copy every placement of `source` into `target` as drafts, matching nodes by path and facets by name.

    Called by services.taxonomy.copy_taxonomy inside its transaction (which records the audit entry).
    Placements whose primary node has no counterpart are skipped. Returns the number copied.
    """
    source_paths = node_paths(source)
    target_by_path = {tuple(path): pk for pk, path in node_paths(target).items()}
    tech_by_name = {name: pk for pk, name in target.technologies.values_list("pk", "name")}
    field_by_name = {name: pk for pk, name in target.fields.values_list("pk", "name")}
    originals = list(source.placements.prefetch_related("secondary", "technologies", "fields").order_by("pk"))
    copies = []
    for original in originals:
        primary = target_by_path.get(tuple(source_paths[original.primary_id]))
        if primary is None:
            continue
        copy = Placement(
            player_id=original.player_id,
            taxonomy=target,
            primary_id=primary,
            status=Placement.Status.DRAFT,
            technology_score=original.technology_score,
            sources=original.sources,
            **{key: getattr(original, key) for key in FIGURES},
        )
        copy._links = (original, primary)
        copies.append(copy)
    Placement.objects.bulk_create(copies, batch_size=500)
    secondary_rows, tech_rows, field_rows = [], [], []
    for copy in copies:
        original, primary = copy._links
        for node in original.secondary.all():
            pk = target_by_path.get(tuple(source_paths[node.pk]))
            if pk is not None and pk != primary:
                secondary_rows.append(Placement.secondary.through(placement_id=copy.pk, taxonomynode_id=pk))
        for technology in original.technologies.all():
            if technology.name in tech_by_name:
                tech_rows.append(
                    Placement.technologies.through(placement_id=copy.pk, technology_id=tech_by_name[technology.name])
                )
        for field in original.fields.all():
            if field.name in field_by_name:
                field_rows.append(
                    Placement.fields.through(placement_id=copy.pk, applicationfield_id=field_by_name[field.name])
                )
    Placement.secondary.through.objects.bulk_create(secondary_rows, batch_size=1000)
    Placement.technologies.through.objects.bulk_create(tech_rows, batch_size=1000)
    Placement.fields.through.objects.bulk_create(field_rows, batch_size=1000)
    return len(copies)
