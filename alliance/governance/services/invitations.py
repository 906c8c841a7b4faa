"""Meeting invitations and reminders by e-mail, with personal reply links, an .ics, and each person's feed.

Rules:
- The invitation goes to the meeting's seats (queries.meetings.meeting_seats: members and observers, the
  observers' e-mail saying they sit in) whose holder has an e-mail address, through the bulk delivery
  (mailing MEETING_MAILING); it carries the overview, the timetable, the person's reply link, their calendar
  feed and an .ics of the meeting (METHOD:REQUEST).
- One invitation row per seat and meeting: sending again (after a change) repeats the same link; e-mails of
  an earlier sending not gone out yet are withdrawn.
- A link works until the end of the meeting's day, but answers are taken only until the meeting starts
  (services.replies); an e-mail built after the start is not sent.
- A reminder goes to the invited seats without an answer, before the meeting starts: from the meeting page
  (staff) and by the periodic job `governance_meeting_reminders` once, REMINDER_DAYS before the meeting.
- The personal calendar feed's URL carries an HMAC of the person's feed key (never the key itself); no token
  is stored.
"""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from alliance.core import links
from alliance.core.audit import record_audit
from alliance.core.delivery.ordering import Addressee, order_delivery, withdraw_pending
from alliance.core.mail import Attachment, render_message
from alliance.governance.calendar import REQUEST, calendar_file
from alliance.governance.models import CalendarFeed, Meeting, MeetingInvitation, Person, Seat
from alliance.governance.queries.meetings import has_started, meeting_seats, replies_by_seat
from alliance.governance.timetable import compute_timetable, headings

MEETING_MAILING = "governance.meeting"
INVITE, REMIND = "invite", "remind"
REMINDER_DAYS = 2
FEED_SALT = "alliance.governance.calendar.feed"


# ---------------------------------------------------------------- links


def reply_link(token: str) -> str:
    return links.absolute_link("governance:meeting_reply_link", token)


def invitation_for_token(token: str) -> MeetingInvitation:
    """The invitation behind a reply link: DoesNotExist (unknown: 404) or LinkGone (expired: 410)."""
    return links.invitation_for_token(
        MeetingInvitation.objects.select_related("meeting__body", "seat__person"),
        token,
        is_open=lambda invitation: True,
    )


def _expiry(meeting: Meeting, now: datetime.datetime) -> datetime.datetime:
    """The end of the meeting's day (Korean time)."""
    return links.link_expiry(closes_on=meeting.date, now=now, days=3660)


def feed_token(person: Person) -> str:
    """The token of `person`'s calendar feed (its key is made on first use)."""
    feed, _created = CalendarFeed.objects.get_or_create(person=person, defaults={"key": secrets.token_hex(32)})
    digest = salted_hmac(FEED_SALT, f"{person.pk}:{feed.key}", algorithm="sha256").hexdigest()[:40]
    return f"{person.pk}-{digest}"


def person_for_feed_token(token: str) -> Person:
    """The person whose feed `token` opens; Person.DoesNotExist otherwise."""
    pk, _sep, digest = token.partition("-")
    if not pk.isdigit():
        raise Person.DoesNotExist
    feed = CalendarFeed.objects.select_related("person").filter(person_id=int(pk)).first()
    if feed is None:
        raise Person.DoesNotExist
    expected = salted_hmac(FEED_SALT, f"{feed.person_id}:{feed.key}", algorithm="sha256").hexdigest()[:40]
    if not constant_time_compare(expected, digest):
        raise Person.DoesNotExist
    return feed.person


def feed_link(person: Person) -> str:
    return links.absolute_link("governance:calendar_feed", feed_token(person))


# ---------------------------------------------------------------- ordering


def invitation_refusals(meeting: Meeting) -> list[str]:
    refusals = []
    if meeting.date is None or meeting.starts_at is None:
        refusals.append(_("The meeting has no date and start time yet: set them before inviting."))
    elif has_started(meeting):
        refusals.append(_("The meeting has started: invitations and reminders are no longer sent."))
    if not invitable_seats(meeting):
        refusals.append(_("No seat holder of this body has an e-mail address: nobody would be invited."))
    return refusals


def invitable_seats(meeting: Meeting) -> list[Seat]:
    return [seat for seat in meeting_seats(meeting) if seat.person.email]


def seats_to_remind(meeting: Meeting) -> list[MeetingInvitation]:
    replied = set(replies_by_seat(meeting))
    invitations = MeetingInvitation.objects.filter(meeting=meeting, sent_at__isnull=False).select_related(
        "seat__person"
    )
    return [invitation for invitation in invitations if invitation.seat_id not in replied]


def invite(*, actor, meeting: Meeting) -> int:
    """E-mail the invitation to every invitable seat (again, after a change: the same links).

    Rule: `invitation_refusals` is empty.
    Side effects: an invitation row per seat (new ones; existing ones get the current address and expiry);
    audit `governance.meeting.invited`; earlier unsent e-mails withdrawn; a delivery of MEETING_MAILING.
    Returns how many are invited.
    """
    if refusals := invitation_refusals(meeting):
        raise ValidationError(refusals)
    now = timezone.now()
    with transaction.atomic():
        existing = {row.seat_id: row for row in MeetingInvitation.objects.select_for_update().filter(meeting=meeting)}
        rows = []
        for seat in invitable_seats(meeting):
            row = existing.get(seat.pk)
            if row is None:
                row = MeetingInvitation.objects.create(
                    meeting=meeting,
                    seat=seat,
                    email=seat.person.email,
                    token_hash=links.unsent_token_hash(),
                    expires_at=_expiry(meeting, now),
                )
            else:
                row.email, row.expires_at = seat.person.email, _expiry(meeting, now)
                row.save(update_fields=["email", "expires_at"])
            rows.append(row)
        record_audit(action="governance.meeting.invited", actor=actor, target=meeting, after={"invited": len(rows)})
        _order(actor, meeting, rows, INVITE)
    return len(rows)


def remind(*, actor, meeting: Meeting, invitations=None) -> int:
    """E-mail a reminder, with the same link, to the invited seats that have not answered.

    Rule: only before the meeting starts.
    Side effects: the invitations' reminder counters and expiry; audit `governance.meeting.reminded`;
    their earlier unsent e-mails withdrawn; a delivery of MEETING_MAILING ("remind"). Returns how many.
    """
    if has_started(meeting):
        raise ValidationError(_("The meeting has started: invitations and reminders are no longer sent."))
    now = timezone.now()
    with transaction.atomic():
        waiting = invitations if invitations is not None else seats_to_remind(meeting)
        for invitation in waiting:
            links.revive_link(invitation, closes_on=meeting.date, now=now)
            invitation.expires_at = _expiry(meeting, now)
        MeetingInvitation.objects.bulk_update(waiting, links.REVIVE_FIELDS)
        if waiting:
            record_audit(
                action="governance.meeting.reminded", actor=actor, target=meeting, after={"reminded": len(waiting)}
            )
            _order(actor, meeting, waiting, REMIND)
    return len(waiting)


def remind_due_meetings(*, today: datetime.date | None = None) -> int:
    """The periodic reminder: once per invitation, REMINDER_DAYS before its meeting, to those without answer."""
    today = today or timezone.localdate()
    meetings = Meeting.objects.filter(date__gte=today, date__lte=today + datetime.timedelta(days=REMINDER_DAYS))
    reminded = 0
    for meeting in meetings.filter(invitations__sent_at__isnull=False).distinct():
        if has_started(meeting):
            continue
        waiting = [invitation for invitation in seats_to_remind(meeting) if invitation.reminder_count == 0]
        if waiting:
            reminded += remind(actor=None, meeting=meeting, invitations=waiting)
    return reminded


def _order(actor, meeting: Meeting, invitations, kind: str) -> None:
    withdraw_pending(kind=MEETING_MAILING, target=meeting, object_ids=[row.pk for row in invitations])
    addressees = [Addressee(email=row.email, object_id=row.pk) for row in invitations]
    order_delivery(actor=actor, kind=MEETING_MAILING, target=meeting, addressees=addressees, parameters={"email": kind})


# ---------------------------------------------------------------- the e-mail


def build_meeting_email(recipient, shared=None):
    """One seat's invitation or reminder, with its personal link and the .ics (by the delivery).

    Rule: nothing is sent (None) once the meeting has started, nor a reminder to a seat that has answered.
    The link's hash (and on its first e-mail `sent_at`) is stored before the e-mail is built.
    """
    kind = recipient.delivery.parameters["email"]
    with transaction.atomic():
        invitation = (
            MeetingInvitation.objects.select_for_update()
            .select_related("meeting__body", "seat__person")
            .get(pk=recipient.object_id)
        )
        meeting = invitation.meeting
        if has_started(meeting):
            return None
        if kind == REMIND and meeting.replies.filter(seat_id=invitation.seat_id).exists():
            return None
        token = links.issue_token(invitation)
        invitation.save(update_fields=links.ISSUE_FIELDS)
    return _message(
        meeting,
        invitation.seat,
        kind,
        link=reply_link(token),
        feed=feed_link(invitation.seat.person),
        recipient=recipient,
    )


def _message(meeting: Meeting, seat: Seat, kind: str, *, link: str, feed: str, recipient=None):
    items = list(meeting.agenda_items.order_by("order"))
    context = {
        "kind": kind,
        "meeting": meeting,
        "seat": seat,
        "person": seat.person,
        "timetable": compute_timetable(meeting.starts_at, items) if meeting.starts_at else [],
        "headings": headings(),
        "link": link,
        "feed": feed,
        "page": links.absolute_link("governance:meeting_detail", meeting.pk),
    }
    ics = Attachment("meeting.ics", calendar_file([meeting], method=REQUEST), "text/calendar; method=REQUEST")
    return render_message(
        "governance/email/meeting",
        context,
        to=[recipient.email] if recipient else [],
        language=recipient.language if recipient else "",
        attachments=[ics],
    )


def sample_meeting_email(*, meeting: Meeting, kind: str, seat: Seat):
    """What `seat`'s holder would receive, unsent: its links are samples that open nothing."""
    feed = settings.SITE_URL + reverse("governance:my_meetings")
    return _message(meeting, seat, kind, link=reply_link("sample-link"), feed=feed)
