"""Invited guests: staff invite a person by e-mail; their personal link (core/links.py) opens the event's
registration form prefilled with what staff entered.

Rule: one invitation per e-mail and event; the link works until the event's day ends (registration's own
window still applies when the guest registers). The token is made as the e-mail goes out and never stored.
Side effects: an audit entry; the invitation e-mail after the commit.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.core.audit import record_audit, snapshot
from alliance.core.links import hash_token, unsent_token_hash
from alliance.core.tasks import enqueue_on_commit
from alliance.events.models import Event, GuestInvitation
from alliance.events.services.registration import ticket_expiry
from alliance.events.tasks import send_guest_invitation

ALREADY_INVITED = _("This e-mail address was already invited to this event.")


def invite_guest(
    *, event: Event, name: str, email: str, actor, organisation_name: str = "", job_title: str = ""
) -> GuestInvitation:
    now = timezone.now()
    with transaction.atomic():
        invitation = GuestInvitation(
            event=event,
            name=name.strip(),
            email=email.strip().lower(),
            organisation_name=organisation_name.strip(),
            job_title=job_title.strip(),
            invited_by=actor,
            expires_at=ticket_expiry(event),
            token_hash=unsent_token_hash(),
        )
        try:
            with transaction.atomic():
                invitation.save()
        except IntegrityError as error:
            raise ValidationError(ALREADY_INVITED, code="already") from error
        invitation.sent_at = now
        invitation.token_hash = hash_token(invitation.link_token())
        invitation.save(update_fields=["sent_at", "token_hash"])
        record_audit(
            action="events.guest.invited",
            target=invitation,
            actor=actor,
            after=snapshot(invitation, ("name", "email", "organisation_name")),
        )
        enqueue_on_commit(send_guest_invitation, invitation_id=invitation.pk)
    return invitation
