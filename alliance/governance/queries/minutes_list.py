"""The minutes list: staff see every meeting of a year with the state of its minutes; seat holders see the
meetings of the bodies they sit on whose minutes have been circulated or confirmed. A fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.utils import timezone

from alliance.governance.models import Body, Meeting, MinutesState, MinutesVersion, Seat
from alliance.governance.queries.minutes import meeting_title


@dataclass(frozen=True)
class MinutesRow:
    meeting: Meeting
    title: str
    version: MinutesVersion | None  # the newest version the reader may see


def _years() -> list[int]:
    return sorted(set(Body.objects.values_list("year", flat=True)), reverse=True)


def meetings_with_minutes(user, *, staff: bool, year: str = ""):
    """(rows, the years to choose from, the chosen year)."""
    years = _years()
    chosen = int(year) if year.isdigit() and int(year) in years else (years[0] if years else timezone.localdate().year)
    meetings = Meeting.objects.filter(body__year=chosen).select_related("body")
    versions = MinutesVersion.objects.order_by("-number")
    if not staff:
        bodies = Seat.objects.filter(person__user=user).values("body_id")
        meetings = meetings.filter(Q(body_id__in=bodies))
        versions = versions.exclude(state=MinutesState.DRAFT)
    meetings = meetings.order_by("body__order", "body__name", "number").prefetch_related(
        Prefetch("minutes__versions", queryset=versions, to_attr="shown_versions")
    )
    rows = []
    for meeting in meetings:
        minutes = getattr(meeting, "minutes", None)
        shown = minutes.shown_versions if minutes is not None else []
        if not staff and not shown:
            continue
        rows.append(MinutesRow(meeting, meeting_title(meeting), shown[0] if shown else None))
    return rows, years, chosen
