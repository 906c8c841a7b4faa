"""Reads of a year's bodies and seats, reused by the pages, the commands and the other governance areas."""

import datetime

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q
from django.utils import timezone

from alliance.governance.models import (
    ActionItem,
    Body,
    BodyKind,
    Meeting,
    MinutesState,
    Participation,
    Person,
    Seat,
)
from alliance.governance.rules import active_seat_q, seats_of


def years() -> list[int]:
    """The years that have bodies, newest first."""
    return list(Body.objects.order_by("-year").values_list("year", flat=True).distinct())


def current_year(default: int | None = None) -> int:
    """This year when it has bodies, else the newest year with bodies, else `default` or this year."""
    this_year = timezone.localdate().year
    known = years()
    if this_year in known or not known:
        return default or this_year
    return known[0]


def standing_seats_q(day: datetime.date, prefix: str = "") -> Q:
    """Seats that have not ended on `day` (whatever their term): the body's membership as recorded."""
    return Q(**{f"{prefix}ended_on__isnull": True}) | Q(**{f"{prefix}ended_on__gt": day})


def bodies_of_year(year: int, *, as_of: datetime.date | None = None):
    """The year's bodies in their order, each with `seat_count` (voting seats not ended), `observer_count`,
    `meetings_held` (dated on or before `as_of`, attendance recorded) and `meetings_dated`."""
    day = as_of or timezone.localdate()
    standing = standing_seats_q(day, "seats__")
    return (
        Body.objects.filter(year=year)
        .annotate(
            seat_count=Count("seats", filter=standing & Q(seats__is_observer=False), distinct=True),
            observer_count=Count("seats", filter=standing & Q(seats__is_observer=True), distinct=True),
            meetings_held=Count(
                "meetings",
                filter=Q(meetings__date__lte=day, meetings__attendance_recorded_at__isnull=False),
                distinct=True,
            ),
            meetings_dated=Count("meetings", filter=Q(meetings__date__isnull=False), distinct=True),
        )
        .order_by("order", "name")
    )


def terms_ending(*, as_of: datetime.date, within_days: int, year: int | None = None):
    """Voting seats not ended whose term ends between `as_of` and `within_days` later (both included), soonest
    first; `year` narrows to one year's bodies."""
    seats = Seat.objects.filter(
        standing_seats_q(as_of),
        is_observer=False,
        term_end__gte=as_of,
        term_end__lte=as_of + datetime.timedelta(days=within_days),
    )
    if year is not None:
        seats = seats.filter(body__year=year)
    return seats.select_related("body", "person").order_by("term_end", "body__order", "body__name", "order", "pk")


def seats_of_body(body: Body, *, as_of: datetime.date | None = None):
    """The body's seats not ended on `as_of` (today), members first then observers, in their order."""
    day = as_of or timezone.localdate()
    return (
        body.seats.filter(standing_seats_q(day))
        .select_related("person", "person__organisation", "ex_officio_for__body")
        .order_by("is_observer", "order", "pk")
    )


def former_seats_of_body(body: Body, *, as_of: datetime.date | None = None):
    day = as_of or timezone.localdate()
    return body.seats.filter(ended_on__lte=day).select_related("person").order_by("-ended_on", "pk")


def voting_seats_on(body: Body, day: datetime.date) -> int:
    """The body's voting seats on `day` (active, not observers): what its quorum is counted over."""
    return body.seats.filter(active_seat_q(day), is_observer=False).count()


def participants(body: Body):
    """The member companies taking part in an open subcommittee, by company name."""
    return (
        Participation.objects.filter(body=body, left_on__isnull=True)
        .select_related("organisation", "joined_by")
        .order_by("organisation__name")
    )


def upcoming_meetings(year: int, day: datetime.date, *, limit: int):
    """The year's meetings dated `day` or later, soonest first, at most `limit`."""
    return list(
        Meeting.objects.filter(body__year=year, date__gte=day)
        .select_related("body")
        .order_by("date", "starts_at", "body__order", "number")[:limit]
    )


def meetings_of_body(body: Body):
    return Meeting.objects.filter(body=body).order_by("number")


def open_subcommittees(year: int, organisation):
    """The year's open subcommittees with `joined` (the company takes part) and `participant_count`."""
    taking_part = Participation.objects.filter(body=OuterRef("pk"), organisation=organisation, left_on__isnull=True)
    return (
        Body.objects.filter(year=year, kind=BodyKind.SUBCOMMITTEE, open_to_members=True, abolished_on__isnull=True)
        .annotate(
            joined=Exists(taking_part),
            participant_count=Count("participations", filter=Q(participations__left_on__isnull=True), distinct=True),
        )
        .order_by("order", "name")
    )


def my_seats(user):
    """The seats `user` holds today, with their body and the body's meetings from today on."""
    today = timezone.localdate()
    upcoming = Meeting.objects.filter(date__gte=today).order_by("date", "number")
    return (
        seats_of(user)
        .select_related("body")
        .prefetch_related(Prefetch("body__meetings", queryset=upcoming, to_attr="upcoming_meetings"))
        .order_by("-body__year", "body__order", "body__name")
    )


def my_open_tasks(user):
    """The open follow-up actions (action items) of confirmed minutes of the bodies `user` sits on today whose
    owner is written with the user's name or the name of one of their seat records, soonest due first."""
    names = {user.name, *Person.objects.filter(user=user).values_list("name", flat=True)} - {""}
    return (
        ActionItem.objects.filter(
            done=False,
            owner__in=names,
            item__version__state=MinutesState.CONFIRMED,
            item__version__superseded_at__isnull=True,
            item__version__minutes__meeting__body__in=seats_of(user).values("body"),
        )
        .select_related("item__version__minutes__meeting__body")
        .order_by(F("due_on").asc(nulls_last=True), "pk")
    )
