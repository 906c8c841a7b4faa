"""The member census (회원사 현황 최신화 조사): rounds, personal links and their e-mails (answers: census_responses).

Rules (issue 2):
- A round invites every current member organisation that has an e-mail address: its contact's (the primary
  contact's, else the first contact with one), else its representative's account's. Each invitation
  carries a personal link `/census/<token>/`; only the SHA-256 hash of the token is stored. A link works for
  one organisation, until `CENSUS_LINK_DAYS` after it was sent or the end of the round's closing date,
  whichever comes first, and never after the round is closed.
- The e-mails go out through the bulk delivery (`alliance.core.delivery`, mailing CENSUS_MAILING, one
  delivery for the invitations and one per reminder): the link's token is made as each e-mail is built
  (alliance.core.links: its first e-mail fixes `sent_at` and so the link, which later e-mails repeat), so no
  raw token is ever stored, task rows included. Whether an invitation's e-mail reached the mail server is
  its delivery rows' state (`queries.census.delivered_q`): with the mail server down nothing reads as
  sent, and staff send to the rest from the round's page once it is back.
- A respondent confirms the profile as is (the organisation's `last_confirmed_on` is set at once) or
  submits corrections, recorded as {field: {"before": old, "after": new}} for the changed fields only and
  applied only after staff review. A second submission through the same link replaces the pending one.
- Reminders go to the invited organisations that have not answered and renew the link's expiry; they carry
  the same link as the invitation, so the first e-mail's link keeps working.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.core import links
from alliance.core.audit import record_audit
from alliance.core.delivery.ordering import Addressee, order_delivery, withdraw_pending
from alliance.core.links import unsent_token_hash
from alliance.core.mail import render_message
from alliance.members.membership import current_members
from alliance.members.models import CensusInvitation, CensusRound
from alliance.members.queries.census import CENSUS_MAILING, census_addresses

INVITE = "invite"
REMIND = "remind"
EMAIL_KINDS = (INVITE, REMIND)

# ---------------------------------------------------------------- links (the mechanism: alliance/core/links.py)


def invitation_token(invitation: CensusInvitation) -> str:
    """The personal token of an invitation that has been sent: the same for every e-mail of the invitation."""
    return invitation.link_token()


def link_expiry(census_round: CensusRound, now: datetime.datetime) -> datetime.datetime:
    return links.link_expiry(closes_on=census_round.closes_on, now=now)


def link_last_day(invitation: CensusInvitation) -> datetime.date:
    return links.last_day(invitation.expires_at)


def census_link(token: str) -> str:
    return links.absolute_link("members:census_respond", token)


def invitation_for_token(token: str) -> CensusInvitation:
    """The invitation behind a link: CensusInvitation.DoesNotExist (unknown) or LinkGone (expired, closed)."""
    return links.invitation_for_token(
        CensusInvitation.objects.select_related("census_round", "organisation"),
        token,
        is_open=lambda invitation: invitation.census_round.is_open,
    )


# ---------------------------------------------------------------- rounds


@dataclass(frozen=True)
class OpenedRound:
    census_round: CensusRound
    invited: int
    without_contact: int


def open_census_round(*, actor, title: str, closes_on: datetime.date) -> OpenedRound:
    """Open a round and invite every current member organisation that has an e-mail address.

    Rule: the closing date is today or later; the title is not blank.
    Side effects: one invitation per organisation with an address (its link is made when the e-mail is
    built); audit entry `members.census.opened`; a delivery of CENSUS_MAILING ("invite") to every invitation.
    """
    title = title.strip()
    if not title:
        raise ValidationError(_("Title: enter a title for the round."))
    if closes_on < timezone.localdate():
        raise ValidationError(_("Closing date: choose today or a later date."))
    now = timezone.now()
    with transaction.atomic():
        census_round = CensusRound.objects.create(title=title, closes_on=closes_on, opened_by=actor)
        member_ids = list(current_members().values_list("pk", flat=True))
        emails = census_addresses(member_ids)
        expires_at = link_expiry(census_round, now)
        invitations = [
            CensusInvitation(
                census_round=census_round,
                organisation_id=organisation_id,
                email=emails[organisation_id],
                token_hash=unsent_token_hash(),
                expires_at=expires_at,
            )
            for organisation_id in member_ids
            if organisation_id in emails
        ]
        CensusInvitation.objects.bulk_create(invitations, batch_size=1000)
        without_contact = len(member_ids) - len(invitations)
        record_audit(
            action="members.census.opened",
            actor=actor,
            target=census_round,
            after={
                "title": title,
                "closes_on": closes_on.isoformat(),
                "invited": len(invitations),
                "without_contact": without_contact,
            },
        )
        _order(actor, census_round, invitations, INVITE)
    return OpenedRound(census_round, len(invitations), without_contact)


def remind_non_responders(*, actor, census_round: CensusRound) -> int:
    """E-mail a reminder, with the invitation's link, to every invited organisation that has not responded.

    Rule: only while the round is open. The link stays the one of the invitation's first e-mail; its expiry
    is renewed now.
    Side effects: `reminder_count` and `last_reminded_at` of each reminded invitation; audit entry
    `members.census.reminded`; a delivery of CENSUS_MAILING ("remind") to each, which withdraws their
    earlier e-mails not sent yet (the reminder carries the same link).
    Returns how many were reminded.
    """
    if not census_round.is_open:
        raise ValidationError(_("This census round is closed; reminders can no longer be sent."))
    now = timezone.now()
    with transaction.atomic():
        invitations = list(census_round.invitations.select_for_update().filter(responded_at__isnull=True))
        for invitation in invitations:
            links.revive_link(invitation, closes_on=census_round.closes_on, now=now)
        CensusInvitation.objects.bulk_update(invitations, links.REVIVE_FIELDS, batch_size=1000)
        if invitations:
            record_audit(
                action="members.census.reminded",
                actor=actor,
                target=census_round,
                after={"reminded": len(invitations)},
            )
            withdraw_pending(kind=CENSUS_MAILING, target=census_round, object_ids=[i.pk for i in invitations])
            _order(actor, census_round, invitations, REMIND)
    return len(invitations)


def close_census_round(*, actor, census_round: CensusRound) -> CensusRound:
    """Close a round: its links stop working. Responses already received can still be reviewed.

    Side effects: `closed_at`; audit entry `members.census.closed`.
    """
    if not census_round.is_open:
        raise ValidationError(_("This census round is already closed."))
    with transaction.atomic():
        census_round.closed_at = timezone.now()
        census_round.save(update_fields=["closed_at"])
        record_audit(
            action="members.census.closed",
            actor=actor,
            target=census_round,
            before={"closed_at": None},
            after={"closed_at": census_round.closed_at.isoformat()},
        )
    return census_round


# ---------------------------------------------------------------- e-mail


def _order(actor, census_round: CensusRound, invitations, kind: str) -> None:
    addressees = [Addressee(email=invitation.email, object_id=invitation.pk) for invitation in invitations]
    order_delivery(
        actor=actor, kind=CENSUS_MAILING, target=census_round, addressees=addressees, parameters={"email": kind}
    )


def build_census_email(recipient, shared=None):
    """One invitation's census e-mail (the invitation or a reminder, by the delivery), with its personal link.

    Rule: nothing is sent (None) once the member has answered or the round is closed. The link's hash (and,
    on its first e-mail, `sent_at`, which fixes the link) is stored before the e-mail is built, so the link
    works the moment the e-mail arrives; a retry after a failed attempt repeats the same link.
    """
    kind = recipient.delivery.parameters["email"]
    if kind not in EMAIL_KINDS:
        raise ValueError(kind)
    with transaction.atomic():
        invitation = (
            CensusInvitation.objects.select_for_update()
            .select_related("organisation", "census_round")
            .get(pk=recipient.object_id)
        )
        if invitation.responded_at is not None or not invitation.census_round.is_open:
            return None
        token = links.issue_token(invitation)
        invitation.save(update_fields=links.ISSUE_FIELDS)
    context = _email_context(
        kind, invitation.organisation, invitation.census_round, census_link(token), link_last_day(invitation)
    )
    return render_message("members/census/email", context, to=[recipient.email], language=recipient.language)


def _email_context(kind: str, organisation, census_round: CensusRound, link: str, expires_on) -> dict:
    return {
        "kind": kind,
        "organisation": organisation,
        "census_round": census_round,
        "link": link,
        "expires_on": expires_on,
    }


def sample_census_email(*, census_round: CensusRound, kind: str, organisation) -> EmailMultiAlternatives:
    """What `organisation` would receive, unsent, for the confirmation's preview and test send: the link is a
    sample that opens nothing (a real link is made only when the real e-mail goes out)."""
    expires_at = link_expiry(census_round, timezone.now())
    last_day = timezone.localdate(expires_at - datetime.timedelta(microseconds=1))
    context = _email_context(kind, organisation, census_round, census_link("sample-link"), last_day)
    return render_message("members/census/email", context, to=[])
