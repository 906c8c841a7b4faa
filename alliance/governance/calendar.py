"""Meetings as iCalendar: the .ics attached to an invitation and each person's feed of all their meetings.

Rules (RFC 5545, as the investment day's files: alliance/programs/services/investment_calendar.py):
- A meeting is one event whose UID is stable (`governance-meeting-<id>@<host of SITE_URL>`): a changed date
  or place replaces the event in calendars instead of adding a second one.
- SEQUENCE is the meeting's calendar revision (`Meeting.sequence`), raised by every change of what the event
  shows (services.meetings.save_with_calendar); a calendar keeps the copy with the highest.
- Times are DTSTART;TZID=Asia/Seoul with its VTIMEZONE; a meeting without a start time is an all-day event;
  a meeting without a date is left out.
- METHOD:REQUEST on the invitation's attachment, none on the feed.
"""

import datetime
from zoneinfo import ZoneInfo

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.mail import site_domain
from alliance.governance.models import Meeting

SEOUL = ZoneInfo("Asia/Seoul")
REQUEST = "REQUEST"
DEFAULT_MINUTES = 120


def event_uid(meeting: Meeting) -> str:
    return f"governance-meeting-{meeting.pk}@{site_domain()}"


def meeting_title(meeting: Meeting) -> str:
    return _("%(year)s %(body)s meeting %(number)s") % {
        "year": meeting.body.year,
        "body": meeting.body.name,
        "number": meeting.number,
    }


def _event(meeting: Meeting, *, url: str = "") -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", event_uid(meeting))
    event.add("sequence", meeting.sequence)
    event.add("summary", meeting_title(meeting))
    event.add("dtstamp", timezone.now())
    if meeting.starts_at is None:
        event.add("dtstart", meeting.date)
        event.add("dtend", meeting.date + datetime.timedelta(days=1))
    else:
        start = datetime.datetime.combine(meeting.date, meeting.starts_at, tzinfo=SEOUL)
        end = (
            datetime.datetime.combine(meeting.date, meeting.ends_at, tzinfo=SEOUL)
            if meeting.ends_at and meeting.ends_at > meeting.starts_at
            else start + datetime.timedelta(minutes=DEFAULT_MINUTES)
        )
        event.add("dtstart", start)
        event.add("dtend", end)
    location = ", ".join(part for part in (meeting.place, meeting.online_link) if part)
    if location:
        event.add("location", location)
    if url:
        event.add("url", url)
    event.add("status", "CONFIRMED")
    return event


def calendar_file(meetings, *, method: str = "", name: str = "", urls=None) -> bytes:
    """An iCalendar of the dated `meetings`; `method` REQUEST for an e-mail's attachment, empty otherwise.
    `urls(meeting)` gives each event's page."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Metaverse Alliance//governance//KO")
    calendar.add("version", "2.0")
    if method:
        calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
    for meeting in meetings:
        if meeting.date is not None:
            calendar.add_component(_event(meeting, url=urls(meeting) if urls else ""))
    calendar.add_missing_timezones()
    return calendar.to_ical()
