"""Reads at the door and after it: a ticket's registration, the guest list search, the arrival counter and
attendance by kind of organisation (seed 001 "참석 150여 명 내외")."""

import re
from dataclasses import dataclass
from urllib.parse import urlparse

from django.db.models import Count, Q

from alliance.events.models import OrganisationType, Registration
from alliance.events.queries import registration_for_token

TOKEN_MAX = 200
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,200}$")
SEARCH_LIMIT = 20


def ticket_token(text: str) -> str:
    """The token a scanned QR code carries: the code is the ticket's address (…/<token>/ or …/<token>) or the
    bare token. Empty when the text cannot be a token (too long, foreign characters)."""
    text = (text or "").strip()[: TOKEN_MAX + 100]
    if "/" in text:
        segments = [segment for segment in urlparse(text).path.split("/") if segment]
        text = segments[-1] if segments else ""
    return text if _TOKEN.match(text) else ""


def registration_for_ticket(text: str) -> Registration | None:
    """The registration whose ticket the text is (of any event), or None: one indexed query by the token's
    hash (core/links.py; only hashes are stored, so a guessed token finds nothing)."""
    token = ticket_token(text)
    if not token:
        return None
    try:
        return registration_for_token(token)
    except Registration.DoesNotExist:
        return None


def search_guests(event, text: str) -> list[Registration]:
    """The event's registrations (cancelled ones too, so the door can say so) whose name or organisation contains
    the text, confirmed first, by name; at most SEARCH_LIMIT."""
    text = text.strip()
    if not text:
        return []
    matches = Q(name__icontains=text) | Q(organisation_name__icontains=text) | Q(organisation__name__icontains=text)
    return list(
        Registration.objects.filter(event=event)
        .filter(matches)
        .select_related("organisation")
        .order_by("status", "name", "pk")[:SEARCH_LIMIT]
    )


@dataclass(frozen=True)
class Arrivals:
    checked_in: int
    expected: int  # confirmed registrations (walk-ins included)
    walk_ins: int

    @property
    def not_arrived(self) -> int:
        return self.expected - self.checked_in


def arrivals(event) -> Arrivals:
    """The live counter: who has come in, of how many confirmed; one query."""
    confirmed = Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED)
    figures = confirmed.aggregate(
        expected=Count("pk"),
        checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
        walk_ins=Count("pk", filter=Q(walk_in=True)),
    )
    return Arrivals(**figures)


@dataclass(frozen=True)
class AttendanceRow:
    organisation_type: str
    label: str
    registered: int
    attended: int
    walk_ins: int

    @property
    def absent(self) -> int:
        return self.registered - self.attended


def attendance_by_type(event) -> list[AttendanceRow]:
    """Per kind of organisation, in OrganisationType's order: confirmed registrations, those who came (walk-ins
    included) and walk-ins; then the total row (organisation_type ""). One query."""
    counted = dict.fromkeys(OrganisationType.values, (0, 0, 0))
    rows = (
        Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED)
        .values("organisation_type")
        .annotate(
            registered=Count("pk"),
            attended=Count("pk", filter=Q(checked_in_at__isnull=False)),
            walk_ins=Count("pk", filter=Q(walk_in=True)),
        )
    )
    for row in rows:
        counted[row["organisation_type"]] = (row["registered"], row["attended"], row["walk_ins"])
    table = [
        AttendanceRow(kind, str(OrganisationType(kind).label), *counted[kind])
        for kind in OrganisationType.values
        if kind in counted
    ]
    total = [sum(values) for values in zip(*(counted[kind] for kind in OrganisationType.values), strict=True)]
    return [*table, AttendanceRow("", "", *total)]


def attendees(event) -> list[Registration]:
    """Those who came, in order of arrival (for badges reprinted and the survey)."""
    return list(
        Registration.objects.filter(event=event, checked_in_at__isnull=False)
        .select_related("organisation")
        .order_by("checked_in_at", "pk")
    )


def badge_holders(event) -> list[Registration]:
    """Those a badge is printed for: every confirmed registration, by organisation then name."""
    return list(
        Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED)
        .select_related("organisation")
        .order_by("organisation_name", "name", "pk")
    )


def organisation_of(registration: Registration) -> str:
    """The organisation as printed: what the guest typed, else the member's registered name."""
    if registration.organisation_name:
        return registration.organisation_name
    return registration.organisation.name if registration.organisation_id else ""
