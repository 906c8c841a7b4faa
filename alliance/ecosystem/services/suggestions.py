"""Suggested placements: generating them, and the staff's review (accept, correct, reject).

Rules:
- suggestions are made for the players of a year's map that have no confirmed placement and have
  something to read (a description or business fields); a player's waiting suggestions are replaced by
  the new ones, reviewed ones stay as the record of what was decided;
- per player: up to TOP_CATEGORIES categories, and the technologies and fields whose confidence reaches
  the facet threshold, each with its confidence (classification.training decides whether the trained
  classifier or the keyword rules speak);
- nothing is placed by the machine: a placement is made only by `accept_suggestions`, i.e. by a person,
  who may correct the category first; accepting places the player and confirms the placement in one step
  (the person's confirmation), keeping figures and secondary categories of an existing draft; a new
  placement starts from the player's own figures with their source and date (queries.player_figures, as
  the placement editor's form does);
- `reject_suggestions` closes a player's waiting suggestions without placing it.
Side effects: audit `ecosystem.suggestions.generated` (one entry per run, on the taxonomy),
`ecosystem.suggestion.accepted` / `ecosystem.suggestion.rejected` (one per player), plus the placement
services' own `ecosystem.placement.saved` / `.confirmed`.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from alliance.core.audit import record_audit
from alliance.ecosystem import phrases
from alliance.ecosystem.classification.training import player_document, suggester_for_year, taxonomy_targets
from alliance.ecosystem.models import (
    PLACEABLE_LEVELS,
    ApplicationField,
    Level,
    Placement,
    PlacementSuggestion,
    Player,
    Taxonomy,
    TaxonomyNode,
    Technology,
)
from alliance.ecosystem.queries import player_figures
from alliance.ecosystem.services.placements import confirm_placement, save_placement

TOP_CATEGORIES = 3
Kind = PlacementSuggestion.Kind
Status = PlacementSuggestion.Status


def players_to_suggest(taxonomy: Taxonomy, player_ids=None):
    """Players without a confirmed placement in `taxonomy` that have a description or business fields."""
    confirmed = Placement.objects.filter(taxonomy=taxonomy, status=Placement.Status.CONFIRMED).values("player_id")
    players = Player.objects.exclude(pk__in=confirmed).exclude(description="", business_fields="").order_by("id")
    if player_ids is not None:
        players = players.filter(pk__in=list(player_ids))
    return players


def generate_suggestions(*, actor, taxonomy: Taxonomy, player_ids=None) -> int:
    """Replace the waiting suggestions of the players to suggest (all, or those of `player_ids`).

    Returns the number of suggestions written. Side effect: audit `ecosystem.suggestions.generated`.
    """
    suggester = suggester_for_year(taxonomy.year)
    node_of_path = _category_nodes(taxonomy)
    technology_of = dict(Technology.objects.filter(taxonomy=taxonomy).values_list("name", "pk"))
    field_of = dict(ApplicationField.objects.filter(taxonomy=taxonomy).values_list("name", "pk"))
    players = list(players_to_suggest(taxonomy, player_ids))
    documents = [player_document(player) for player in players]
    categories = suggester.categories.suggest(documents, k=TOP_CATEGORIES) if documents else []
    technologies = suggester.technologies.suggest(documents) if documents else []
    fields = suggester.fields.suggest(documents) if documents else []
    rows = []
    for index, player in enumerate(players):
        for suggestion in categories[index]:
            node_id = node_of_path.get(tuple(suggestion.path))
            if node_id is not None:
                rows.append(_row(player, taxonomy, Kind.CATEGORY, suggestion.confidence, node_id=node_id))
        for item in technologies[index]:
            if item.name in technology_of:
                rows.append(
                    _row(player, taxonomy, Kind.TECHNOLOGY, item.confidence, technology_id=technology_of[item.name])
                )
        for item in fields[index]:
            if item.name in field_of:
                rows.append(_row(player, taxonomy, Kind.FIELD, item.confidence, field_id=field_of[item.name]))
    with transaction.atomic():
        PlacementSuggestion.objects.filter(
            taxonomy=taxonomy, status=Status.WAITING, player_id__in=[p.pk for p in players]
        ).delete()
        PlacementSuggestion.objects.bulk_create(rows, batch_size=1000)
        record_audit(
            action="ecosystem.suggestions.generated",
            actor=actor,
            target=taxonomy,
            after={"players": len(players), "suggestions": len(rows), "method": suggester.source},
        )
    return len(rows)


def _category_nodes(taxonomy: Taxonomy) -> dict[tuple[str, ...], int]:
    """Category path → node id."""
    _targets, category_of = taxonomy_targets(taxonomy)
    categories = TaxonomyNode.objects.filter(taxonomy=taxonomy, level=Level.CATEGORY).values_list("pk", flat=True)
    return {category_of[pk]: pk for pk in categories}


def _row(player, taxonomy, kind, confidence, **target) -> PlacementSuggestion:
    return PlacementSuggestion(
        player=player, taxonomy=taxonomy, kind=kind, confidence=min(1.0, max(0.0, round(confidence, 4))), **target
    )


def accept_suggestions(*, actor, taxonomy: Taxonomy, choices: dict[int, TaxonomyNode | None]) -> int:
    """Place and confirm each player of `choices` ({player id: corrected node, or None for the top
    suggestion}) with its waiting technology and field suggestions; close its waiting suggestions.

    Validates every choice before writing anything, under a lock on the players; all or nothing.
    Returns the number placed.
    Side effects: audit `ecosystem.suggestion.accepted` per player, and the placement services' entries.
    """
    now = timezone.now()
    with transaction.atomic():
        # Lock the players first: two reviewers accepting the same company place it once.
        players = Player.objects.select_for_update().in_bulk(list(choices))
        waiting = _waiting_by_player(taxonomy, choices.keys())
        plans = []
        for player_id, corrected in choices.items():
            suggestions = waiting.get(player_id)
            if not suggestions:
                raise ValidationError(phrases.SUGGESTION_GONE, code="suggestion_gone")
            top = max(
                (s for s in suggestions if s.kind == Kind.CATEGORY), key=lambda s: (s.confidence, -s.pk), default=None
            )
            if corrected is not None:
                if corrected.taxonomy_id != taxonomy.pk or corrected.level not in PLACEABLE_LEVELS:
                    raise ValidationError(phrases.NOT_PLACEABLE, code="not_placeable")
                node = corrected
            elif top is not None:
                node = top.node
            else:
                raise ValidationError(phrases.SUGGESTION_NEEDS_CATEGORY, code="needs_category")
            plans.append((player_id, node, top, suggestions))

        existing = {
            p.player_id: p
            for p in Placement.objects.filter(taxonomy=taxonomy, player_id__in=players).prefetch_related(
                "secondary", "technologies", "fields"
            )
        }
        for player_id, node, top, suggestions in plans:
            placement = existing.get(player_id)
            technologies = [s.technology for s in suggestions if s.kind == Kind.TECHNOLOGY]
            fields = [s.field for s in suggestions if s.kind == Kind.FIELD]
            if placement is not None:
                technologies = list({t.pk: t for t in [*placement.technologies.all(), *technologies]}.values())
                fields = list({f.pk: f for f in [*placement.fields.all(), *fields]}.values())
            figures = None
            if placement is None:
                figures = {name: figure["value"] for name, figure in player_figures(players[player_id]).items()}
            placement = save_placement(
                actor=actor,
                player=players[player_id],
                taxonomy=taxonomy,
                primary=node,
                secondary=list(placement.secondary.all()) if placement is not None else (),
                technologies=technologies,
                fields=fields,
                figures=figures,
            )
            confirm_placement(actor=actor, placement=placement)
            for suggestion in suggestions:
                accepted = suggestion.kind != Kind.CATEGORY or suggestion.node_id == node.pk
                suggestion.status = Status.ACCEPTED if accepted else Status.REJECTED
                suggestion.reviewed_by = actor
                suggestion.reviewed_at = now
            PlacementSuggestion.objects.bulk_update(suggestions, ["status", "reviewed_by", "reviewed_at"])
            record_audit(
                action="ecosystem.suggestion.accepted",
                actor=actor,
                target=players[player_id],
                before={"suggested": top.node.path if top else None, "confidence": top.confidence if top else None},
                after={
                    "placed": node.path,
                    "corrected": top is None or top.node_id != node.pk,
                    "technologies": sorted(t.name for t in technologies),
                    "fields": sorted(f.name for f in fields),
                },
            )
    return len(plans)


def reject_suggestions(*, actor, taxonomy: Taxonomy, player_ids) -> int:
    """Close the waiting suggestions of `player_ids` without placing them. Returns the players touched.

    Side effect: audit `ecosystem.suggestion.rejected` per player.
    """
    with transaction.atomic():
        list(Player.objects.select_for_update().filter(pk__in=list(player_ids)).values_list("pk", flat=True))
        waiting = _waiting_by_player(taxonomy, player_ids)
        now = timezone.now()
        for suggestions in waiting.values():
            PlacementSuggestion.objects.filter(pk__in=[s.pk for s in suggestions]).update(
                status=Status.REJECTED, reviewed_by=actor, reviewed_at=now
            )
            top = max((s for s in suggestions if s.kind == Kind.CATEGORY), key=lambda s: s.confidence, default=None)
            record_audit(
                action="ecosystem.suggestion.rejected",
                actor=actor,
                target=suggestions[0].player,
                before={"suggested": top.node.path if top else None, "count": len(suggestions)},
                after={"status": Status.REJECTED.value},
            )
    return len(waiting)


def _waiting_by_player(taxonomy: Taxonomy, player_ids) -> dict[int, list[PlacementSuggestion]]:
    rows = (
        PlacementSuggestion.objects.filter(taxonomy=taxonomy, status=Status.WAITING, player_id__in=list(player_ids))
        .select_related("player", "node__parent__parent__parent", "technology", "field")
        .order_by("player_id", "-confidence", "id")
    )
    grouped: dict[int, list[PlacementSuggestion]] = {}
    for row in rows:
        grouped.setdefault(row.player_id, []).append(row)
    return grouped
