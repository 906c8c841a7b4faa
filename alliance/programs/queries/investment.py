"""Reads of the investment day reused by its pages, e-mails and exports."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q

from alliance.programs.models import DayCompany, Desk, InvestmentDay, Meeting, MeetingRequest
from alliance.programs.models.investment import HOLDING_STATUSES
from alliance.programs.scheduling.grid import minutes_of


def day_for_year(year: int) -> InvestmentDay | None:
    return InvestmentDay.objects.select_related("programme").filter(programme__year=year).first()


def desks_with_counts(day: InvestmentDay):
    # distinct: the two joins (meetings, requests) multiply each other's rows.
    return day.desks.select_related("user").annotate(
        meeting_count=Count("meetings", filter=Q(meetings__status__in=HOLDING_STATUSES), distinct=True),
        request_count=Count("requests", distinct=True),
    )


def companies_with_requests(day: InvestmentDay):
    return (
        day.companies.select_related("organisation")
        .prefetch_related(Prefetch("requests", queryset=MeetingRequest.objects.select_related("desk")))
        .annotate(meeting_count=Count("meetings", filter=Q(meetings__status__in=HOLDING_STATUSES)))
    )


def live_meetings(day: InvestmentDay):
    return day.meetings.filter(status__in=HOLDING_STATUSES).select_related("desk", "company__organisation")


@dataclass(frozen=True)
class GridRow:
    label: str  # "14:00~14:15" (or the break's span)
    slot: str | None  # None for a break
    cells: list  # one Meeting or None per desk


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def grid_rows(day: InvestmentDay, desks: list[Desk], meetings) -> list[GridRow]:
    """The seed's printable grid: slots as rows (breaks in place), desks as columns."""
    at = {(m.slot, m.desk_id): m for m in meetings}
    rows = []
    for slot in day.slots:
        start = minutes_of(slot)
        rows.append(
            (
                start,
                GridRow(f"{slot}~{_clock(start + day.length_minutes)}", slot, [at.get((slot, d.pk)) for d in desks]),
            )
        )
    for pause_start, pause_end in day.breaks:
        rows.append((minutes_of(pause_start), GridRow(f"{pause_start}~{pause_end}", None, [])))
    return [row for _, row in sorted(rows, key=lambda item: item[0])]


def own_desks(user):
    """The investor's desks (one per programme year), newest day first."""
    return Desk.objects.filter(user=user).select_related("day__programme").order_by("-day__programme__year")


def own_companies(user):
    """The representative's organisation at each day it takes part in, newest first."""
    if not getattr(user, "organisation_id", None):
        return DayCompany.objects.none()
    return (
        DayCompany.objects.filter(organisation_id=user.organisation_id)
        .select_related("day__programme", "organisation")
        .order_by("-day__programme__year")
    )


def own_meetings(user, *, cancelled: bool = False):
    """Every meeting of the user's desks or organisation (no-shows included: they are part of the record);
    `cancelled=True` keeps the cancelled ones too (the .ics download, where calendars must see them cancelled)."""
    desk_ids = own_desks(user).values("pk")
    company_ids = own_companies(user).values("pk")
    meetings = Meeting.objects.filter(Q(desk__in=desk_ids) | Q(company__in=company_ids))
    if not cancelled:
        meetings = meetings.exclude(status=Meeting.Status.CANCELLED)
    return meetings.select_related("day__programme", "desk", "company__organisation").order_by(
        "-day__programme__year", "slot"
    )


def past_interest(organisation_id: int):
    """What investors noted about a company at earlier investment days (kept for next year's matching)."""
    return (
        Meeting.objects.filter(company__organisation_id=organisation_id)
        .exclude(interest="")
        .select_related("day__programme", "desk")
        .order_by("-day__programme__year", "slot")
    )
