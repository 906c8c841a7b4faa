"""The data-quality read: which players of a year's map need attention, and why.

The map's scope is every player except members who have withdrawn and are not on that year's map:
players placed that year, and those not placed yet (non-members entered by staff or an import, current
members brought in from the registry). A player of the scope is listed when it is not placed on the
year's map, has no logo, no description, a placement still in draft, a confirmed placement older than
CONFIRMATION_STALE_DAYS (stale), or a suggestion waiting. One query per page whatever the number of
players (annotations, not loops).
"""

import datetime

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.ecosystem.models import Placement, PlacementSuggestion, Player, Taxonomy

PROBLEMS = {
    "not_placed": _("Not placed on this year's map"),
    "logo": _("No logo"),
    "description": _("No description"),
    "unconfirmed": _("Placement not confirmed"),
    "stale": _("Placement confirmed long ago"),
    "suggestion": _("Suggestion waiting"),
}


def stale_before() -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=settings.CONFIRMATION_STALE_DAYS)


def quality_rows(taxonomy: Taxonomy, problem: str | None = None):
    """Players of the map's scope (see the module docstring) with at least one problem, by name,
    annotated with `placement_status`, `placement_confirmed_at` and `suggestion_waiting`."""
    placement = Placement.objects.filter(player=OuterRef("pk"), taxonomy=taxonomy)
    waiting = PlacementSuggestion.objects.filter(
        player=OuterRef("pk"), taxonomy=taxonomy, status=PlacementSuggestion.Status.WAITING
    )
    rows = Player.objects.annotate(
        placement_status=Subquery(placement.values("status")[:1]),
        placement_confirmed_at=Subquery(placement.values("confirmed_at")[:1]),
        suggestion_waiting=Exists(waiting),
    ).filter(
        Q(placement_status__isnull=False)
        | Q(suggestion_waiting=True)
        | Q(organisation__isnull=True)
        | Q(organisation__withdrawn_on__isnull=True)
    )
    conditions = {
        "not_placed": Q(placement_status__isnull=True),
        "logo": Q(logo=""),
        "description": Q(description=""),
        "unconfirmed": Q(placement_status=Placement.Status.DRAFT),
        "stale": Q(placement_status=Placement.Status.CONFIRMED, placement_confirmed_at__lt=stale_before()),
        "suggestion": Q(suggestion_waiting=True),
    }
    if problem:
        rows = rows.filter(conditions[problem])
    else:
        any_problem = Q()
        for condition in conditions.values():
            any_problem |= condition
        rows = rows.filter(any_problem)
    return rows.order_by("name", "pk")


def problems_of(player, stale: datetime.datetime) -> list[str]:
    """The PROBLEMS keys that apply to an annotated row of quality_rows."""
    found = ["not_placed"] if player.placement_status is None else []
    if not player.logo:
        found.append("logo")
    if not player.description:
        found.append("description")
    if player.placement_status == Placement.Status.DRAFT:
        found.append("unconfirmed")
    elif player.placement_confirmed_at and player.placement_confirmed_at < stale:
        found.append("stale")
    if player.suggestion_waiting:
        found.append("suggestion")
    return found
