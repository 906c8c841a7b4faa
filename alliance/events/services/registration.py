"""Registering for an event, cancelling, and the waiting list moving up.

Rule: an event has at most `capacity` confirmed registrations (0: no limit), whatever number of people
register at once; the rest wait in the order they registered (`sequence`) and move up, first come first, as
soon as a place frees (a cancellation, a larger capacity). Every write locks the event's row first
(`locked_event`: SELECT … FOR UPDATE on PostgreSQL; SQLite serialises writers anyway), counts, and writes in
the same transaction, so two registrations can never both take the last place.
Who may register: a member's representative or contact (signed in with their organisation) when
`open_to_members`; an invited guest through their personal link; anyone when `open_to_public`, with consent
to the privacy notice. Only while registration is open (`Event.registration_open`). One live registration
per e-mail and event.
Side effects: an audit entry for every write (Korean labels in phrases.py); after the commit, the
confirmation (or waiting-list) e-mail with the .ics and the QR ticket, and the e-mail to whoever moves up.
"""

import datetime
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.core.audit import record_audit, snapshot
from alliance.core.links import hash_token
from alliance.core.tasks import enqueue_on_commit
from alliance.events import queries
from alliance.events.models import Answer, Event, GuestInvitation, OrganisationType, Question, Registration
from alliance.events.tasks import send_ticket_email

CLOSED = _("Registration for this event is not open.")
NOT_FOR_YOU = _("This event does not take registrations of this kind.")
ALREADY = _("This e-mail address is already registered for this event.")
ALREADY_CANCELLED = _("This registration was already cancelled.")
CONSENT_NEEDED = _("Please agree to the collection and use of your personal information.")
AUDITED = ("name", "email", "organisation_name", "organisation_type", "source", "status", "sequence")


def locked_event(event_id: int) -> Event:
    """The event's row, locked until the caller's transaction ends (every registration write takes it)."""
    return Event.objects.select_for_update().get(pk=event_id)


def ticket_expiry(event: Event) -> datetime.datetime:
    """A ticket's link works until the end of the event's day (local time)."""
    return timezone.make_aware(datetime.datetime.combine(event.date + datetime.timedelta(days=1), datetime.time.min))


def _may_register(event: Event, source: str, *, invitation: GuestInvitation | None, consented: bool) -> None:
    if source == Registration.Source.MEMBER and not event.open_to_members:
        raise ValidationError(NOT_FOR_YOU, code="not_for_you")
    if source == Registration.Source.GUEST and (invitation is None or invitation.event_id != event.pk):
        raise ValidationError(NOT_FOR_YOU, code="not_for_you")
    if source == Registration.Source.PUBLIC:
        if not event.open_to_public:
            raise ValidationError(NOT_FOR_YOU, code="not_for_you")
        if not consented:
            raise ValidationError(CONSENT_NEEDED, code="consent")


def _has_place(event: Event) -> bool:
    return not event.has_limit or queries.confirmed_count(event) < event.capacity


def register(
    *,
    event: Event,
    name: str,
    email: str,
    source: str,
    organisation=None,
    organisation_name: str = "",
    organisation_type: str = OrganisationType.OTHER,
    job_title: str = "",
    user=None,
    answers: Mapping[int, str] | None = None,
    consented: bool = False,
    invitation: GuestInvitation | None = None,
    now: datetime.datetime | None = None,
) -> Registration:
    """Register one person: confirmed while places are left, else on the waiting list. Staff entries
    (`source` staff) skip the registration window. Raises ValidationError (closed, not for this kind of
    registrant, already registered, consent missing)."""
    now = now or timezone.now()
    email = email.strip().lower()
    with transaction.atomic():
        event = locked_event(event.pk)
        if source != Registration.Source.STAFF and not event.registration_open(now):
            raise ValidationError(CLOSED, code="closed")
        _may_register(event, source, invitation=invitation, consented=consented)
        if queries.live_registration_for(event, email) is not None:
            raise ValidationError(ALREADY, code="already")
        status = Registration.Status.CONFIRMED if _has_place(event) else Registration.Status.WAITING
        registration = Registration(
            event=event,
            name=name.strip(),
            email=email,
            job_title=job_title.strip(),
            organisation=organisation,
            organisation_name=(organisation_name or (organisation.name if organisation else "")).strip(),
            organisation_type=organisation_type,
            user=user if getattr(user, "is_authenticated", False) else None,
            source=source,
            status=status,
            sequence=queries.next_sequence(event),
            consented_at=now if consented else None,
            expires_at=ticket_expiry(event),
            token_hash=hash_token(f"unsent:{event.pk}:{email}:{now.timestamp()}"),
        )
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError as error:
            raise ValidationError(ALREADY, code="already") from error
        # The ticket's link: fixed by the moment it is issued (core/links.py); its token is never stored.
        registration.sent_at = now
        registration.token_hash = hash_token(registration.link_token())
        registration.save(update_fields=["sent_at", "token_hash"])
        _save_answers(registration, answers or {})
        if invitation is not None:
            invitation.registration = registration
            invitation.responded_at = now
            invitation.save(update_fields=["registration", "responded_at"])
        record_audit(
            action="events.registration.created",
            target=registration,
            actor=user,
            actor_label="" if getattr(user, "is_authenticated", False) else registration.name,
            after=snapshot(registration, AUDITED),
        )
        kind = "confirmed" if status == Registration.Status.CONFIRMED else "waiting"
        enqueue_on_commit(send_ticket_email, registration_id=registration.pk, kind=kind)
    return registration


def _save_answers(registration: Registration, answers: Mapping[int, str]) -> None:
    questions = {question.pk: question for question in Question.objects.filter(event=registration.event)}
    Answer.objects.bulk_create(
        Answer(registration=registration, question=questions[pk], value=str(value)[:500])
        for pk, value in answers.items()
        if pk in questions and str(value).strip()
    )


def fill_places(event: Event, *, now: datetime.datetime) -> list[Registration]:
    """Inside a transaction holding the event's lock: move the first waiting people up while places are
    free; each moved-up person gets an e-mail after the commit. Returns those moved up."""
    free = None if not event.has_limit else event.capacity - queries.confirmed_count(event)
    moved = []
    for waiting in queries.waiting_list(event):
        if free is not None and free <= 0:
            break
        waiting.status = Registration.Status.CONFIRMED
        waiting.promoted_at = now
        waiting.save(update_fields=["status", "promoted_at"])
        record_audit(
            action="events.registration.promoted",
            target=waiting,
            before={"status": Registration.Status.WAITING},
            after={"status": Registration.Status.CONFIRMED},
        )
        enqueue_on_commit(send_ticket_email, registration_id=waiting.pk, kind="promoted")
        moved.append(waiting)
        if free is not None:
            free -= 1
    return moved


def cancel(*, registration: Registration, actor=None, now: datetime.datetime | None = None) -> list[Registration]:
    """Cancel a registration (its owner by the ticket's link or on the event page, or staff). A confirmed
    place that frees moves the first waiting person up. A second cancellation is refused (ValidationError),
    and so is one after the event began. Returns those moved up."""
    now = now or timezone.now()
    with transaction.atomic():
        event = locked_event(registration.event_id)
        current = Registration.objects.get(pk=registration.pk)
        if current.status == Registration.Status.CANCELLED:
            raise ValidationError(ALREADY_CANCELLED, code="already_cancelled")
        if now >= event.starts:
            raise ValidationError(CLOSED, code="closed")
        before = current.status
        current.status = Registration.Status.CANCELLED
        current.cancelled_at = now
        current.save(update_fields=["status", "cancelled_at"])
        is_person = getattr(actor, "is_authenticated", False)
        record_audit(
            action="events.registration.cancelled",
            target=current,
            actor=actor,
            actor_label="" if is_person else current.name,
            before={"status": before},
            after={"status": Registration.Status.CANCELLED},
        )
        enqueue_on_commit(send_ticket_email, registration_id=current.pk, kind="cancelled")
        moved = fill_places(event, now=now) if before == Registration.Status.CONFIRMED else []
    registration.status, registration.cancelled_at = current.status, current.cancelled_at
    return moved
