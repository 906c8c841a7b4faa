"""Check-in at the door: a scanned ticket or a name found on the list lets the guest in once; walk-ins are
registered and let in at the same moment.

Rule: only a confirmed registration of this event is let in. The first check-in sets `checked_in_at` and
`checked_in_by`; every later one (a second scan, two staff at once) changes nothing and answers "이미 입장" with
the first time (a conditional UPDATE, so of two at once exactly one lets the guest in). A ticket of another
event, a cancelled registration or one still on the waiting list is refused with a Korean reason; a text that is
no ticket answers "등록되지 않은 티켓" (tokens are looked up by their hash only: a guessed one finds nothing).
A walk-in is let in whatever the capacity (staff at the door decide), as a confirmed registration with
`walk_in` and source walk-in, its ticket link unsent.
Side effects: the registration's check-in fields; audit `events.checked_in` / `events.walk_in` (refusals write
nothing).
"""

import datetime
from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit
from alliance.core.links import unsent_token_hash
from alliance.events.models import Event, OrganisationType, Registration
from alliance.events.queries import live_registration_for, next_sequence
from alliance.events.queries.door import registration_for_ticket


class Outcome(StrEnum):
    CHECKED_IN = "checked_in"
    ALREADY = "already"
    UNKNOWN = "unknown"
    OTHER_EVENT = "other_event"
    CANCELLED = "cancelled"
    WAITING = "waiting"


ADMITTED = (Outcome.CHECKED_IN, Outcome.ALREADY)


@dataclass(frozen=True)
class CheckIn:
    outcome: Outcome
    registration: Registration | None = None

    @property
    def admitted(self) -> bool:
        return self.outcome in ADMITTED

    @property
    def message(self) -> str:
        if self.outcome == Outcome.CHECKED_IN:
            return _("Checked in")
        if self.outcome == Outcome.ALREADY:
            return _("Already checked in")
        if self.outcome == Outcome.OTHER_EVENT:
            return _("This ticket is for another event: %(event)s") % {"event": self.registration.event.title}
        if self.outcome == Outcome.CANCELLED:
            return _("This registration was cancelled.")
        if self.outcome == Outcome.WAITING:
            return _("This registration is still on the waiting list.")
        return _("Ticket not registered")


def _admit(*, event: Event, registration: Registration, actor, now: datetime.datetime) -> CheckIn:
    if registration.event_id != event.pk:
        return CheckIn(Outcome.OTHER_EVENT, registration)
    if registration.status == Registration.Status.CANCELLED:
        return CheckIn(Outcome.CANCELLED, registration)
    if registration.status == Registration.Status.WAITING:
        return CheckIn(Outcome.WAITING, registration)
    with transaction.atomic():
        let_in = Registration.objects.filter(
            pk=registration.pk, status=Registration.Status.CONFIRMED, checked_in_at__isnull=True
        ).update(checked_in_at=now, checked_in_by=actor)
        if let_in:
            record_audit(
                action="events.checked_in", target=registration, actor=actor, after={"checked_in_at": now.isoformat()}
            )
    registration.refresh_from_db(fields=["checked_in_at", "checked_in_by", "status"])
    return CheckIn(Outcome.CHECKED_IN if let_in else Outcome.ALREADY, registration)


def check_in_ticket(*, event: Event, ticket: str, actor, now: datetime.datetime | None = None) -> CheckIn:
    """Let in the holder of the scanned ticket (its address or bare token), by the rule above."""
    registration = registration_for_ticket(ticket)
    if registration is None:
        return CheckIn(Outcome.UNKNOWN)
    return _admit(event=event, registration=registration, actor=actor, now=now or timezone.now())


def check_in_registration(
    *, event: Event, registration: Registration, actor, now: datetime.datetime | None = None
) -> CheckIn:
    """Let in a guest found on the list by name or organisation, by the rule above."""
    return _admit(event=event, registration=registration, actor=actor, now=now or timezone.now())


def register_walk_in(
    *,
    event: Event,
    actor,
    name: str,
    organisation_name: str = "",
    organisation_type: str = OrganisationType.OTHER,
    job_title: str = "",
    email: str = "",
    now: datetime.datetime | None = None,
) -> Registration:
    """Register a guest who came without registering and let them in at once (ValidationError: no name, or the
    e-mail already holds a live registration of the event: find that one on the list instead)."""
    now = now or timezone.now()
    name, email = name.strip(), email.strip().lower()
    if not name:
        raise ValidationError(_("Write the guest's name."), code="name")
    if organisation_type not in OrganisationType.values:
        raise ValidationError(_("Choose the kind of organisation."), code="organisation_type")
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        if live_registration_for(event, email) is not None:
            raise ValidationError(
                _("This e-mail address is already registered for the event: find the guest on the list."),
                code="registered",
            )
        registration = Registration.objects.create(
            event=event,
            name=name,
            email=email,
            organisation_name=organisation_name.strip(),
            organisation_type=organisation_type,
            job_title=job_title.strip(),
            source=Registration.Source.WALK_IN,
            status=Registration.Status.CONFIRMED,
            sequence=next_sequence(event),
            walk_in=True,
            checked_in_at=now,
            checked_in_by=actor,
            token_hash=unsent_token_hash(),
            expires_at=event.ends,
        )
        record_audit(
            action="events.walk_in",
            target=registration,
            actor=actor,
            after={"name": name, "organisation_name": registration.organisation_name},
        )
    return registration
