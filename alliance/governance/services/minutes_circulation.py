"""Circulating minutes to the attendees for comments, and their comments.

Rules:
- The attendees are the seats marked present or represented by a substitute at the meeting (attendance must
  have been recorded); each attendee with an e-mail address gets one personal link per version
  (`MinutesCirculation`, alliance/core/links.py), through the shared delivery (mailing `MINUTES_MAILING`,
  registered in alliance/governance/mailings.py). The link works until the end of the comment deadline.
- An attendee comments while the version is circulated and the deadline has not passed, through the link or
  logged in (as the person their account holds the seat of).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit
from alliance.core.delivery.ordering import Addressee, order_delivery
from alliance.core.links import absolute_link, check_link, invitation_for_token, link_expiry, new_token
from alliance.core.mail import render_message
from alliance.governance.models import (
    AttendanceStatus,
    MinutesCirculation,
    MinutesComment,
    MinutesState,
    MinutesVersion,
    Person,
)
from alliance.governance.queries.minutes import meeting_title
from alliance.governance.services import minutes as minutes_service

MINUTES_MAILING = "governance.minutes.circulation"
ATTENDED = (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE)


def attendees(meeting) -> list[Person]:
    """The people whose seats attended the meeting (in person or by a substitute), in seat order."""
    rows = (
        meeting.attendances.filter(status__in=ATTENDED)
        .select_related("seat__person")
        .order_by("seat__order", "seat__pk")
    )
    return [row.seat.person for row in rows]


def circulation_refusals(version: MinutesVersion) -> list[str]:
    """Why the version cannot be circulated now (empty: it can)."""
    refusals = []
    if version.state != MinutesState.DRAFT:
        refusals.append(_("Only a draft is circulated."))
    meeting = version.minutes.meeting
    if meeting.attendance_recorded_at is None and not meeting.attendances.exists():
        refusals.append(_("Record the meeting's attendance first: the minutes go to its attendees."))
    elif not [person for person in attendees(meeting) if person.email]:
        refusals.append(_("No attendee of this meeting has an e-mail address."))
    return refusals


def circulate(*, actor, version: MinutesVersion, comments_due: datetime.date) -> MinutesVersion:
    """Circulate a draft to the attendees for comments until `comments_due`.

    Rule: see the module; refused when `circulation_refusals` says so.
    Side effects: the version moves to circulated (audit `governance.minutes.circulate`); one
    MinutesCirculation per attendee with an address; a delivery of `MINUTES_MAILING` (audit
    `core.delivery.ordered`, e-mails after the commit).
    """
    refusals = circulation_refusals(version)
    if refusals:
        raise minutes_service.MinutesStateError(refusals[0])
    with transaction.atomic():
        version = minutes_service.move(
            actor=actor, version=version, step=minutes_service.CIRCULATE, comments_due=comments_due
        )
        expires_at = link_expiry(closes_on=comments_due, now=timezone.now())
        rows = []
        for person in attendees(version.minutes.meeting):
            if not person.email:
                continue
            row, _created = MinutesCirculation.objects.get_or_create(
                version=version,
                person=person,
                defaults={"email": person.email, "token_hash": new_token()[1], "expires_at": expires_at},
            )
            rows.append(row)
        order_delivery(
            actor=actor,
            kind=MINUTES_MAILING,
            target=version,
            addressees=[Addressee(email=row.email, object_id=row.pk) for row in rows],
        )
    return version


def comment_link(token: str) -> str:
    return absolute_link("governance:minutes_comment_link", token)


def _email_context(version: MinutesVersion, person_name: str, link: str) -> dict:
    return {
        "meeting_title": meeting_title(version.minutes.meeting),
        "name": person_name,
        "link": link,
        "comments_due": version.comments_due,
        "version": version,
    }


def build_circulation_email(recipient, shared=None):
    """One attendee's e-mail with a new personal link; None once it was accepted or the circulation ended."""
    row = MinutesCirculation.objects.select_related("person", "version__minutes__meeting__body").get(
        pk=recipient.object_id
    )
    if row.sent_at is not None or row.version.state != MinutesState.CIRCULATED:
        return None
    token, token_hash = new_token()
    MinutesCirculation.objects.filter(pk=row.pk).update(token_hash=token_hash)
    context = _email_context(row.version, row.person.name, comment_link(token))
    return render_message("governance/minutes/email", context, to=[recipient.email], language=recipient.language)


def circulation_email_sent(recipient) -> None:
    MinutesCirculation.objects.filter(pk=recipient.object_id, sent_at__isnull=True).update(sent_at=timezone.now())


def sample_circulation_email(*, version: MinutesVersion, comments_due: datetime.date):
    """What an attendee would receive (the link is a sample that opens nothing), unsent."""
    sample = MinutesVersion(pk=version.pk, minutes=version.minutes, number=version.number, comments_due=comments_due)
    return render_message(
        "governance/minutes/email", _email_context(sample, _("Attendee"), comment_link("sample")), to=[]
    )


def circulation_page(version: MinutesVersion) -> str:
    return reverse("governance:minutes_detail", args=[version.minutes.meeting_id])


# ---------------------------------------------------------------------------------------------- comments


def is_open_for_comments(version: MinutesVersion, today: datetime.date | None = None) -> bool:
    today = today or timezone.localdate()
    return (
        version.state == MinutesState.CIRCULATED and version.comments_due is not None and today <= version.comments_due
    )


def circulation_for_token(token: str) -> MinutesCirculation:
    """The personal link's row: DoesNotExist (404) for an unknown token, LinkGone (410) when it no longer works."""
    queryset = MinutesCirculation.objects.select_related("person", "version__minutes__meeting__body")
    return invitation_for_token(queryset, token, is_open=lambda row: is_open_for_comments(row.version))


def add_comment(
    *, version: MinutesVersion, person: Person, text: str, actor=None, circulation: MinutesCirculation | None = None
) -> MinutesComment:
    """An attendee's comment on a circulated version.

    Rule: while the version takes comments (circulated, deadline not passed); the person attended the meeting.
    Through a link (`circulation`), the link must still work.
    Side effects: the comment; the link's `responded_at`; audit `governance.minutes.commented`.
    """
    text = text.strip()
    if not text:
        raise ValidationError(_("Write your comment."))
    now = timezone.now()
    with transaction.atomic():
        version = MinutesVersion.objects.select_for_update().select_related("minutes__meeting").get(pk=version.pk)
        if not is_open_for_comments(version, timezone.localdate(now)):
            raise minutes_service.MinutesStateError(_("These minutes no longer take comments."))
        if person.pk not in {p.pk for p in attendees(version.minutes.meeting)}:
            raise ValidationError(_("Only the meeting's attendees comment on its minutes."))
        if circulation is not None:
            circulation = MinutesCirculation.objects.select_for_update().get(pk=circulation.pk)
            check_link(circulation, is_open=True, now=now)
            circulation.responded_at = now
            circulation.save(update_fields=["responded_at"])
        comment = MinutesComment.objects.create(
            version=version, person=person, text=text, created_at=now, through_link=circulation is not None
        )
        record_audit(
            action="governance.minutes.commented",
            actor=actor,
            actor_label="" if actor else person.name,
            target=version,
            after={"comment": text[:200]},
        )
    return comment
