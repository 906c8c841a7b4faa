"""The investment day's iCalendar files: the .ics downloads and the attachments of the schedule and
cancellation e-mails.

Rules (RFC 5545, RFC 5546):
- Each meeting is one event whose UID is the meeting's own persistent identity with the site's domain
  (`<uuid>@<host of SITE_URL>`): it does not change when the day is rescheduled, so calendars replace their copy.
- SEQUENCE is the meeting's revision, raised on every change of its time, place or status
  (`bump_sequence`); a calendar keeps the copy with the highest one.
- A cancelled meeting stays in the file with STATUS:CANCELLED (its higher SEQUENCE), so calendars that held it
  remove it, instead of disappearing from the file (which leaves the stale meeting in people's calendars).
- Times are DTSTART;TZID=Asia/Seoul with the VTIMEZONE block that defines that TZID (RFC 5545 §3.2.19).
- METHOD: REQUEST on the schedule e-mails, CANCEL on the cancellation e-mails, none on a download.
"""

import datetime
from zoneinfo import ZoneInfo

import icalendar
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.mail import site_domain
from alliance.programs.models import InvestmentDay, Meeting

SEOUL = ZoneInfo("Asia/Seoul")
REQUEST, CANCEL = "REQUEST", "CANCEL"


def meeting_start(day: InvestmentDay, slot: str) -> datetime.datetime:
    hours, minutes = map(int, slot.split(":"))
    return datetime.datetime.combine(day.date, datetime.time(hours, minutes), tzinfo=SEOUL)


def event_uid(meeting: Meeting) -> str:
    """The meeting's iCalendar UID: its persistent uuid at the site's domain."""
    return f"{meeting.uid}@{site_domain()}"


def bump_sequence(meetings) -> int:
    """Raise the revision of these meetings (a queryset) by one: their time, place or status changed."""
    return meetings.update(sequence=F("sequence") + 1)


def _event(day: InvestmentDay, meeting: Meeting, *, for_desk: bool) -> icalendar.Event:
    start = meeting_start(day, meeting.slot)
    event = icalendar.Event()
    event.add("uid", event_uid(meeting))
    event.add("sequence", meeting.sequence)
    other = meeting.company if for_desk else meeting.desk
    event.add("summary", _("Investment consultation: %(other)s") % {"other": other})
    event.add("dtstart", start)
    event.add("dtend", start + datetime.timedelta(minutes=day.length_minutes))
    event.add("dtstamp", timezone.now())
    cancelled = meeting.status == Meeting.Status.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if day.venue:
        event.add("location", day.venue)
    return event


def calendar_file(*, day: InvestmentDay, meetings, for_desk: bool, method: str = "") -> bytes:
    """An iCalendar (.ics) of the meetings, cancelled ones included as cancelled; the other party names each
    event. `method` is REQUEST or CANCEL for an e-mail's attachment, empty for a download."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Metaverse Alliance//investment day//KO")
    calendar.add("version", "2.0")
    if method:
        calendar.add("method", method)
    for meeting in meetings:
        calendar.add_component(_event(day, meeting, for_desk=for_desk))
    calendar.add_missing_timezones()
    return calendar.to_ical()
