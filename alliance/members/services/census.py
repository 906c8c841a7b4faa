"""The member census (회원사 현황 최신화 조사): rounds, personal links, responses and their review.

Rules (issue 2):
- A round invites every current member organisation that has a contact e-mail (the primary contact's, else
  the first contact with one). Each invitation carries a personal link `/census/<token>/`; only the SHA-256
  hash of the token is stored. A link works for one organisation, until `CENSUS_LINK_DAYS` after it was sent
  or the end of the round's closing date, whichever comes first, and never after the round is closed.
- A respondent confirms the profile as is (the organisation's `last_confirmed_on` is set at once) or
  submits corrections, recorded as {field: {"before": old, "after": new}} for the changed fields only and
  applied only after staff review. A second submission through the same link replaces the pending one.
- Reminders go to the invited organisations that have not answered; each carries a fresh token, because
  the earlier token cannot be recovered from its hash.
E-mails are sent by the `send_census_email` task after the transaction commits.
"""

import datetime
import hashlib
import secrets
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Count, F, Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from alliance.core.audit import record_audit
from alliance.members.models import CensusInvitation, CensusResponse, CensusRound, Contact, Organisation
from alliance.members.queries import current_members
from alliance.members.services.registry import update_organisation

INVITE = "invite"
REMIND = "remind"
EMAIL_KINDS = (INVITE, REMIND)


class LinkGone(Exception):  # noqa: N818  a state, not an error in the program
    """The link was valid once but no longer works (expired, or its round is closed)."""


# ---------------------------------------------------------------- links


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> tuple[str, str]:
    """A fresh (raw token, hash) pair. Only the hash may be stored."""
    token = secrets.token_urlsafe(32)
    return token, hash_token(token)


def link_expiry(census_round: CensusRound, now: datetime.datetime) -> datetime.datetime:
    """`CENSUS_LINK_DAYS` from now, or the end of the round's closing date (local time), whichever is first."""
    closing = timezone.make_aware(
        datetime.datetime.combine(census_round.closes_on + datetime.timedelta(days=1), datetime.time.min)
    )
    return min(now + datetime.timedelta(days=settings.CENSUS_LINK_DAYS), closing)


def link_last_day(invitation: CensusInvitation) -> datetime.date:
    """The last local day on which the link works (a link expiring at midnight works the day before)."""
    return timezone.localdate(invitation.expires_at - datetime.timedelta(microseconds=1))


def census_link(token: str) -> str:
    return settings.SITE_URL + reverse("members:census_respond", args=[token])


def invitation_for_token(token: str) -> CensusInvitation:
    """The invitation behind a link. Raises CensusInvitation.DoesNotExist for an unknown token and
    LinkGone for an expired link or a closed round."""
    invitation = CensusInvitation.objects.select_related("census_round", "organisation").get(
        token_hash=hash_token(token)
    )
    if not invitation.census_round.is_open or invitation.expires_at <= timezone.now():
        raise LinkGone
    return invitation


# ---------------------------------------------------------------- reads


def contact_emails(organisation_ids) -> dict[int, str]:
    """Each organisation's census address: its primary contact's e-mail, else its first contact's with one."""
    emails: dict[int, str] = {}
    rows = (
        Contact.objects.filter(organisation_id__in=organisation_ids)
        .exclude(email="")
        .order_by("organisation_id", "-is_primary", "pk")
        .values_list("organisation_id", "email")
    )
    for organisation_id, email in rows:
        emails.setdefault(organisation_id, email)
    return emails


def response_rate(responded: int, invited: int) -> Decimal:
    """Responded / invited × 100, to one decimal, half up (0.0 when nobody was invited)."""
    if not invited:
        return Decimal("0.0")
    return (Decimal(responded) * 100 / Decimal(invited)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def rounds_with_counts() -> QuerySet[CensusRound]:
    """Rounds annotated with `invited`, `responded` and `pending` (responses awaiting review)."""
    return CensusRound.objects.annotate(
        invited=Count("invitations", distinct=True),
        responded=Count("invitations", filter=Q(invitations__responded_at__isnull=False), distinct=True),
        pending=Count(
            "invitations__responses",
            filter=Q(invitations__responses__status=CensusResponse.Status.PENDING),
            distinct=True,
        ),
    ).order_by("-opened_at", "-id")


def non_responders(census_round: CensusRound) -> QuerySet[CensusInvitation]:
    return census_round.invitations.filter(responded_at__isnull=True).select_related("organisation")


def uninvited_members(census_round: CensusRound) -> QuerySet[Organisation]:
    """Current members without an invitation in this round: they had no contact e-mail when it opened."""
    return current_members().exclude(pk__in=census_round.invitations.values("organisation_id")).order_by("name")


def pending_responses(census_round: CensusRound) -> QuerySet[CensusResponse]:
    return CensusResponse.objects.filter(
        invitation__census_round=census_round, status=CensusResponse.Status.PENDING
    ).select_related("invitation__organisation")


def stale_members(today: datetime.date | None = None) -> QuerySet[Organisation]:
    """Current members never confirmed, or last confirmed more than `CONFIRMATION_STALE_DAYS` ago;
    never-confirmed first, then the oldest confirmation first."""
    today = today or timezone.localdate()
    limit = today - datetime.timedelta(days=settings.CONFIRMATION_STALE_DAYS)
    return (
        current_members(today)
        .filter(Q(last_confirmed_on__isnull=True) | Q(last_confirmed_on__lt=limit))
        .order_by(F("last_confirmed_on").asc(nulls_first=True), "name")
        .only("pk", "name", "category", "sido", "joined_on", "last_confirmed_on")
    )


# ---------------------------------------------------------------- rounds


@dataclass(frozen=True)
class OpenedRound:
    census_round: CensusRound
    invited: int
    without_contact: int


def open_census_round(*, actor, title: str, closes_on: datetime.date) -> OpenedRound:
    """Open a round and invite every current member organisation that has a contact e-mail.

    Rule: the closing date is today or later; the title is not blank.
    Side effects: one invitation per organisation with an e-mail (token hash only); audit entry
    `members.census.opened`; after commit, one `send_census_email` task ("invite") per invitation.
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
        emails = contact_emails(member_ids)
        expires_at = link_expiry(census_round, now)
        tokens: dict[int, str] = {}
        invitations = []
        for organisation_id in member_ids:
            if organisation_id not in emails:
                continue
            token, token_hash = new_token()
            tokens[organisation_id] = token
            invitations.append(
                CensusInvitation(
                    census_round=census_round,
                    organisation_id=organisation_id,
                    email=emails[organisation_id],
                    token_hash=token_hash,
                    expires_at=expires_at,
                )
            )
        CensusInvitation.objects.bulk_create(invitations, batch_size=1000)
        sends = [(invitation.pk, tokens[invitation.organisation_id]) for invitation in invitations]
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
        transaction.on_commit(lambda: _enqueue_emails(sends, INVITE))
    return OpenedRound(census_round, len(invitations), without_contact)


def remind_non_responders(*, actor, census_round: CensusRound) -> int:
    """E-mail a reminder, with a fresh link, to every invited organisation that has not responded.

    Rule: only while the round is open. Each reminder replaces the invitation's token (the old link stops
    working) and renews its expiry.
    Side effects: `reminder_count` and `last_reminded_at` of each reminded invitation; audit entry
    `members.census.reminded`; after commit, one `send_census_email` task ("remind") per invitation.
    Returns how many were reminded.
    """
    if not census_round.is_open:
        raise ValidationError(_("This census round is closed; reminders can no longer be sent."))
    now = timezone.now()
    with transaction.atomic():
        invitations = list(census_round.invitations.select_for_update().filter(responded_at__isnull=True))
        expires_at = link_expiry(census_round, now)
        sends = []
        for invitation in invitations:
            token, invitation.token_hash = new_token()
            invitation.expires_at = expires_at
            invitation.reminder_count += 1
            invitation.last_reminded_at = now
            sends.append((invitation.pk, token))
        CensusInvitation.objects.bulk_update(
            invitations, ["token_hash", "expires_at", "reminder_count", "last_reminded_at"], batch_size=1000
        )
        if invitations:
            record_audit(
                action="members.census.reminded",
                actor=actor,
                target=census_round,
                after={"reminded": len(invitations)},
            )
            transaction.on_commit(lambda: _enqueue_emails(sends, REMIND))
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


def _enqueue_emails(sends, kind: str) -> None:
    from alliance.members.tasks import send_census_email

    for invitation_id, token in sends:
        send_census_email.enqueue(invitation_id, kind, token)


def send_invitation_email(*, invitation: CensusInvitation, kind: str, token: str) -> None:
    """Send one census e-mail (Korean, plain text and HTML) carrying the personal link.

    Rule: `token` must be the invitation's current token (its hash is stored); otherwise nothing is sent.
    Side effects: the e-mail; `sent_at` for the first invitation e-mail.
    """
    if kind not in EMAIL_KINDS:
        raise ValueError(kind)
    if hash_token(token) != invitation.token_hash:
        return  # A later reminder replaced this token; that reminder carries the working link.
    context = {
        "kind": kind,
        "organisation": invitation.organisation,
        "census_round": invitation.census_round,
        "link": census_link(token),
        "expires_on": link_last_day(invitation),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string("members/census/email/subject.txt", context).split())
        text = render_to_string("members/census/email/body.txt", context)
        html = render_to_string("members/census/email/body.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[invitation.email])
    message.attach_alternative(html, "text/html")
    message.send()
    if kind == INVITE and invitation.sent_at is None:
        invitation.sent_at = timezone.now()
        invitation.save(update_fields=["sent_at"])


# ---------------------------------------------------------------- responses

# The public profile a respondent confirms or corrects, in the order the pages show it.
PROFILE_FIELDS = (
    "name_en",
    "sido",
    "sigungu",
    "founded_year",
    "employees",
    "revenue_million",
    "fields",
    "description",
    "homepage",
)


def profile_values(organisation: Organisation) -> dict:
    """The organisation's public profile as JSON-ready values (business fields as a sorted list of names)."""
    values = {name: getattr(organisation, name) for name in PROFILE_FIELDS if name != "fields"}
    values["description"] = values["description"].replace("\r\n", "\n").strip()
    values["fields"] = sorted(field.name for field in organisation.fields.all())
    return values


def profile_changes(before: dict, after: dict) -> dict:
    """{field: {"before": old, "after": new}} for each profile field whose value differs."""
    return {
        name: {"before": before[name], "after": after[name]} for name in PROFILE_FIELDS if before[name] != after[name]
    }


def _display(value) -> str:
    if isinstance(value, list):
        return ", ".join(value)
    return "" if value is None else str(value)


def change_rows(response: CensusResponse) -> list[dict]:
    """The response's changes as rows of label, before, after and the organisation's current value;
    `moved` marks a field changed by someone else since the respondent saw it."""
    current = profile_values(response.invitation.organisation)
    rows = []
    for name in PROFILE_FIELDS:
        if name not in response.changes:
            continue
        change = response.changes[name]
        rows.append(
            {
                "label": Organisation._meta.get_field(name).verbose_name,
                "before": _display(change["before"]),
                "after": _display(change["after"]),
                "current": _display(current[name]),
                "moved": current[name] != change["before"],
            }
        )
    return rows


def respondent_label(name: str) -> str:
    if name:
        return gettext("Census respondent %(name)s") % {"name": name}
    return gettext("Census respondent")


def submit_census_response(
    *, invitation: CensusInvitation, values: dict, respondent_name: str = "", confirm_only: bool = False
) -> CensusResponse:
    """Record a respondent's answer through a personal link.

    Rule: the link must still work (round open, not expired). Only changed fields are recorded. With no
    changes (or `confirm_only`) the profile counts as confirmed today; otherwise the changes wait for staff
    review. A pending response of the same invitation is replaced.
    Side effects: the response; the invitation's `responded_at`; for a confirmation the organisation's
    `last_confirmed_on` (audit `members.org.updated`); audit entry `members.census.responded`.
    """
    respondent_name = respondent_name.strip()
    label = respondent_label(respondent_name)
    now = timezone.now()
    with transaction.atomic():
        invitation = (
            CensusInvitation.objects.select_for_update()
            .select_related("census_round", "organisation")
            .get(pk=invitation.pk)
        )
        if not invitation.census_round.is_open or invitation.expires_at <= now:
            raise LinkGone
        organisation = invitation.organisation
        changes = {} if confirm_only else profile_changes(profile_values(organisation), values)
        invitation.responses.filter(status=CensusResponse.Status.PENDING).delete()
        status = CensusResponse.Status.PENDING if changes else CensusResponse.Status.APPLIED
        response = CensusResponse.objects.create(
            invitation=invitation,
            changes=changes,
            respondent_name=respondent_name,
            status=status,
            reviewed_at=None if changes else now,
        )
        invitation.responded_at = now
        invitation.save(update_fields=["responded_at"])
        if not changes:
            update_organisation(
                actor=None,
                actor_label=label,
                organisation=organisation,
                data={"last_confirmed_on": timezone.localdate(now)},
            )
        record_audit(
            action="members.census.responded",
            actor_label=label,
            target=response,
            after={"status": str(status), "changes": changes},
        )
    return response


def _locked_pending(response: CensusResponse) -> CensusResponse:
    response = (
        CensusResponse.objects.select_for_update()
        .select_related("invitation__organisation", "invitation__census_round")
        .get(pk=response.pk)
    )
    if response.status != CensusResponse.Status.PENDING:
        raise ValidationError(_("This response has already been reviewed."))
    return response


def apply_census_response(*, actor, response: CensusResponse) -> CensusResponse:
    """Apply a pending response's changes to the organisation through the registry service.

    Rule: only a pending response; the respondent's new values replace the current ones, and the profile
    counts as confirmed today. The registry's audit entry names the respondent and the staff member.
    Side effects: the organisation (audit `members.org.updated`, search index); the response's status,
    reviewer and time; audit entry `members.census.applied`.
    """
    with transaction.atomic():
        response = _locked_pending(response)
        changes = response.changes
        data = {name: change["after"] for name, change in changes.items() if name != "fields"}
        data["last_confirmed_on"] = timezone.localdate()
        field_names = changes["fields"]["after"] if "fields" in changes else None
        label = gettext("%(respondent)s (applied by %(staff)s)") % {
            "respondent": respondent_label(response.respondent_name),
            "staff": actor.name or actor.email,
        }
        update_organisation(
            actor=actor,
            actor_label=label,
            organisation=response.invitation.organisation,
            data=data,
            field_names=field_names,
        )
        _mark_reviewed(response, actor=actor, status=CensusResponse.Status.APPLIED, note="")
        record_audit(
            action="members.census.applied",
            actor=actor,
            target=response,
            before={"status": "pending"},
            after={"status": "applied"},
        )
    return response


def reject_census_response(*, actor, response: CensusResponse, note: str) -> CensusResponse:
    """Reject a pending response; the organisation stays as it is.

    Rule: only a pending response, and only with a note saying why.
    Side effects: the response's status, note, reviewer and time; audit entry `members.census.rejected`.
    """
    note = note.strip()
    if not note:
        raise ValidationError(_("Note: say why the changes are rejected."))
    with transaction.atomic():
        response = _locked_pending(response)
        _mark_reviewed(response, actor=actor, status=CensusResponse.Status.REJECTED, note=note)
        record_audit(
            action="members.census.rejected",
            actor=actor,
            target=response,
            before={"status": "pending", "review_note": ""},
            after={"status": "rejected", "review_note": note},
        )
    return response


def _mark_reviewed(response: CensusResponse, *, actor, status: str, note: str) -> None:
    response.status = status
    response.review_note = note
    response.reviewed_by = actor
    response.reviewed_at = timezone.now()
    response.save(update_fields=["status", "review_note", "reviewed_by", "reviewed_at"])
