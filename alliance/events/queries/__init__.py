"""Reads of the events app that several callers share (pages, services, the front page, the reports app).

Reports' briefing and yearly plan use `events_in` and `attendance` (documented in docs/apps/events.md)."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone

from alliance.core.links import hash_token
from alliance.events.models import Event, OrganisationType, Registration

CONFIRMED = Registration.Status.CONFIRMED
WAITING = Registration.Status.WAITING
CANCELLED = Registration.Status.CANCELLED


def published_events() -> QuerySet[Event]:
    return Event.objects.filter(published=True)


def upcoming_published(today: datetime.date | None = None) -> QuerySet[Event]:
    """Published events from today on, soonest first."""
    today = today or timezone.localdate()
    return published_events().filter(date__gte=today).order_by("date", "starts_at", "pk")


def events_in(start: datetime.date, end: datetime.date, *, published_only: bool = True) -> list[Event]:
    """The events dated from `start` to `end` (both included), in date order; published ones unless
    `published_only` is False. Each carries `confirmed_count` and `checked_in_count`."""
    events = Event.objects.filter(date__gte=start, date__lte=end)
    if published_only:
        events = events.filter(published=True)
    return list(
        events.annotate(
            confirmed_count=Count("registrations", filter=Q(registrations__status=CONFIRMED)),
            checked_in_count=Count("registrations", filter=Q(registrations__checked_in_at__isnull=False)),
        ).order_by("date", "starts_at", "pk")
    )


@dataclass(frozen=True)
class Attendance:
    """One event's attendance: registered and confirmed, waiting, checked in (walk-ins included), and the
    checked-in by organisation type in `OrganisationType` order (every type, zeros included)."""

    confirmed: int
    waiting: int
    cancelled: int
    checked_in: int
    walk_ins: int
    by_organisation_type: dict[str, int] = field(default_factory=dict)


def attendance(event: Event) -> Attendance:
    """Two queries: the counts by status and check-in, and the checked-in by organisation type."""
    counts = Registration.objects.filter(event=event).aggregate(
        confirmed=Count("pk", filter=Q(status=CONFIRMED)),
        waiting=Count("pk", filter=Q(status=WAITING)),
        cancelled=Count("pk", filter=Q(status=CANCELLED)),
        checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
        walk_ins=Count("pk", filter=Q(walk_in=True, checked_in_at__isnull=False)),
    )
    by_type = dict.fromkeys(OrganisationType.values, 0)
    rows = (
        Registration.objects.filter(event=event, checked_in_at__isnull=False)
        .values_list("organisation_type")
        .annotate(n=Count("pk"))
    )
    for kind, n in rows:
        by_type[kind] = n
    return Attendance(**counts, by_organisation_type=by_type)


def confirmed_count(event: Event) -> int:
    return Registration.objects.filter(event=event, status=CONFIRMED).count()


def waiting_list(event: Event) -> QuerySet[Registration]:
    """The waiting list in its order: who registered first moves up first."""
    return Registration.objects.filter(event=event, status=WAITING).order_by("sequence", "pk")


def next_sequence(event: Event) -> int:
    """The next registration's place in the event's order. Call it inside the transaction that holds the
    event's row lock (services.registration.locked_event), so two registrations never share a number."""
    return (Registration.objects.filter(event=event).aggregate(last=Max("sequence"))["last"] or 0) + 1


def live_registration_for(event: Event, email: str) -> Registration | None:
    if not email:
        return None
    return Registration.objects.filter(event=event, email__iexact=email).exclude(status=CANCELLED).first()


def registration_for_token(token: str) -> Registration:
    """The registration behind a ticket link (Registration.DoesNotExist for an unknown token: 404)."""
    return Registration.objects.select_related("event", "organisation").get(token_hash=hash_token(token))
