"""The investment day's iCalendar files: the .ics downloads and the attachments of the schedule and
cancellation e-mails.

Written by alliance/core/calendar.py, which states the rules (stable UID, SEQUENCE, Asia/Seoul with its
VTIMEZONE, cancelled entries kept as STATUS:CANCELLED, METHOD). Here:
- Each meeting's UID is its own persistent uuid (`<uuid>@<host of SITE_URL>`): it does not change when the day is
  rescheduled, so calendars replace their copy.
- SEQUENCE is the meeting's revision, raised on every change of its time, place or status (`bump_sequence`).
- METHOD: REQUEST on the schedule e-mails, CANCEL on the cancellation e-mails, none on a download.
"""

import datetime

from django.db.models import F
from django.utils.translation import gettext as _

from alliance.core.calendar import CANCEL, REQUEST, SEOUL, CalendarEntry, uid_at_site
from alliance.core.calendar import calendar_file as write_calendar
from alliance.programs.models import InvestmentDay, Meeting

__all__ = ["CANCEL", "REQUEST", "bump_sequence", "calendar_file", "event_uid", "meeting_start"]


def meeting_start(day: InvestmentDay, slot: str) -> datetime.datetime:
    hours, minutes = map(int, slot.split(":"))
    return datetime.datetime.combine(day.date, datetime.time(hours, minutes), tzinfo=SEOUL)


def event_uid(meeting: Meeting) -> str:
    """The meeting's iCalendar UID: its persistent uuid at the site's domain."""
    return uid_at_site(str(meeting.uid))


def bump_sequence(meetings) -> int:
    """Raise the revision of these meetings (a queryset) by one: their time, place or status changed."""
    return meetings.update(sequence=F("sequence") + 1)


def _entry(day: InvestmentDay, meeting: Meeting, *, for_desk: bool) -> CalendarEntry:
    start = meeting_start(day, meeting.slot)
    other = meeting.company if for_desk else meeting.desk
    return CalendarEntry(
        uid=event_uid(meeting),
        sequence=meeting.sequence,
        summary=_("Investment consultation: %(other)s") % {"other": other},
        start=start,
        end=start + datetime.timedelta(minutes=day.length_minutes),
        location_parts=(day.venue,),
        cancelled=meeting.status == Meeting.Status.CANCELLED,
    )


def calendar_file(*, day: InvestmentDay, meetings, for_desk: bool, method: str = "") -> bytes:
    """An iCalendar (.ics) of the meetings, cancelled ones included as cancelled; the other party names each
    event. `method` is REQUEST or CANCEL for an e-mail's attachment, empty for a download."""
    entries = [_entry(day, meeting, for_desk=for_desk) for meeting in meetings]
    return write_calendar(entries, product="investment day", method=method)
