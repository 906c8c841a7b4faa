"""The short satisfaction survey after an event, by personal link (core/links.py), e-mailed through the shared
delivery (core/delivery).

Rules:
- It is sent once the event has begun, to those who came and gave an e-mail address, each once: sending again
  later asks only attendees not asked yet. Each gets a link of their own, working SURVEY_LINK_DAYS from sending;
  the token is made when the e-mail goes out and only its hash is kept.
- An answer gives the three ratings (1–5) and optionally a comment; it is taken once (a second is refused).
Side effects of `send_survey`: one SurveyInvitation per attendee asked, the delivery and its rows (audit
`core.delivery.ordered`), the sending task after the commit; of `answer_survey`: the answers, audit
`events.survey.answered`.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core import links
from alliance.core.audit import record_audit
from alliance.core.delivery.ordering import Addressee, order_delivery
from alliance.core.mail import render_message
from alliance.core.models import Delivery
from alliance.events.models import Event, SurveyInvitation
from alliance.events.models.survey import RATING_MAX, RATING_MIN
from alliance.events.queries.survey import SURVEY_MAILING, survey_candidates

SURVEY_LINK_DAYS = 14
PREFIX = "events/email/survey"
LINK_SLOT = "__survey_link_slot__"


def survey_refusals(event: Event, *, count: int, now: datetime.datetime | None = None) -> list[str]:
    refusals = []
    if (now or timezone.now()) < event.starts:
        refusals.append(_("The survey is sent once the event has begun."))
    if count == 0:
        refusals.append(_("Nobody to ask: every attendee with an e-mail address has been asked already."))
    return refusals


def send_survey(*, actor, event: Event, now: datetime.datetime | None = None) -> Delivery:
    """Ask the attendees not asked yet (the rules above)."""
    now = now or timezone.now()
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        candidates = survey_candidates(event)
        if refusals := survey_refusals(event, count=len(candidates), now=now):
            raise ValidationError(refusals)
        expires_at = now + datetime.timedelta(days=SURVEY_LINK_DAYS)
        invitations = SurveyInvitation.objects.bulk_create(
            SurveyInvitation(
                registration=guest, email=guest.email, token_hash=links.unsent_token_hash(), expires_at=expires_at
            )
            for guest in candidates
        )
        return order_delivery(
            actor=actor,
            kind=SURVEY_MAILING,
            target=event,
            addressees=[Addressee(email=row.email, object_id=row.pk) for row in invitations],
        )


def survey_message(event: Event, *, name: str, link: str, to=(), language: str = ""):
    context = {"event": event, "name": name, "link": link, "days": SURVEY_LINK_DAYS}
    return render_message(PREFIX, context, to=list(to), language=language)


@dataclass(frozen=True)
class SharedSurvey:
    link_pattern: str


def prepare_survey(delivery) -> SharedSurvey:
    return SharedSurvey(link_pattern=links.absolute_link("events:survey", LINK_SLOT))


def build_survey_email(recipient, shared: SharedSurvey):
    """One attendee's e-mail with their own link (made now); None once they have answered."""
    with transaction.atomic():
        invitation = (
            SurveyInvitation.objects.select_for_update()
            .select_related("registration__event")
            .filter(pk=recipient.object_id)
            .first()
        )
        if invitation is None or invitation.responded_at is not None:
            return None
        token = links.issue_token(invitation)
        invitation.save(update_fields=links.ISSUE_FIELDS)
    link = shared.link_pattern.replace(LINK_SLOT, token)
    return survey_message(
        invitation.registration.event, name=invitation.registration.name, link=link, to=[recipient.email]
    )


def invitation_for_token(token: str) -> SurveyInvitation:
    """DoesNotExist for an unknown token (404), links.LinkGone once expired (410)."""
    return links.invitation_for_token(
        SurveyInvitation.objects.select_related("registration__event"), token, is_open=lambda row: True
    )


def answer_survey(
    *, invitation: SurveyInvitation, overall: int, content: int, operation: int, comment: str = ""
) -> SurveyInvitation:
    ratings = {"overall": overall, "content": content, "operation": operation}
    if any(not RATING_MIN <= value <= RATING_MAX for value in ratings.values()):
        raise ValidationError(_("Give each rating from 1 to 5."), code="rating")
    with transaction.atomic():
        invitation = SurveyInvitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.responded_at is not None:
            raise ValidationError(_("You have answered this survey already. Thank you."), code="answered")
        for name, value in ratings.items():
            setattr(invitation, name, value)
        invitation.comment = comment.strip()[:2000]
        invitation.responded_at = timezone.now()
        invitation.save(update_fields=[*ratings, "comment", "responded_at"])
        record_audit(
            action="events.survey.answered",
            target=invitation,
            actor_label=invitation.registration.name,
            after=ratings,
        )
    return invitation
