"""Reads of the suggestion review page (kept beside queries.py, which the core of the app owns)."""

from django.db.models import Prefetch

from alliance.ecosystem.models import PlacementSuggestion, Player, Taxonomy

WAITING = PlacementSuggestion.Status.WAITING
Kind = PlacementSuggestion.Kind


def players_with_waiting_suggestions(taxonomy: Taxonomy):
    """Players with suggestions waiting in `taxonomy`, in name order, each with `.waiting` (best first).

    Two queries per page whatever its size: the players, then all their waiting suggestions.
    """
    waiting = PlacementSuggestion.objects.filter(taxonomy=taxonomy, status=WAITING)
    return (
        Player.objects.filter(pk__in=waiting.values("player_id"))
        .order_by("name", "id")
        .prefetch_related(
            Prefetch(
                "suggestions",
                queryset=waiting.select_related("node__parent", "technology", "field").order_by("-confidence", "id"),
                to_attr="waiting",
            )
        )
    )


def split_by_kind(player) -> None:
    """Set `.categories`, `.technologies`, `.fields` (suggestions, best first) from `.waiting`."""
    player.categories = [s for s in player.waiting if s.kind == Kind.CATEGORY]
    player.technologies = [s for s in player.waiting if s.kind == Kind.TECHNOLOGY]
    player.fields = [s for s in player.waiting if s.kind == Kind.FIELD]


def waiting_player_ids(taxonomy: Taxonomy) -> set[int]:
    return set(
        PlacementSuggestion.objects.filter(taxonomy=taxonomy, status=WAITING).values_list("player_id", flat=True)
    )


def newest_taxonomy() -> Taxonomy | None:
    return Taxonomy.objects.order_by("-year").first()
