"""iCalendar files (RFC 5545, RFC 5546): the one writer behind every .ics the platform sends or offers — the
governance meetings' invitations and feeds, the investment day's schedules, the events' tickets.

Rules every caller gets:
- Each entry's UID is stable for the thing it shows (`<local id>@<host of SITE_URL>`), so a changed time
  replaces the calendar's copy instead of adding a second one; SEQUENCE is the thing's revision (a calendar keeps
  the copy with the highest).
- Timed entries are DTSTART;TZID=Asia/Seoul with the VTIMEZONE block that defines that TZID (§3.2.19); an entry
  whose start is a date is an all-day event.
- A cancelled entry stays in the file as STATUS:CANCELLED, so calendars that held it remove it.
- METHOD is REQUEST on an invitation, CANCEL on a cancellation, PUBLISH on an announcement, none on a feed or a
  download.
The apps say what their entries are (alliance/governance/calendar.py, programs/services/investment_calendar.py,
events/calendar.py); this module writes them.
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import icalendar
from django.utils import timezone

from alliance.core.mail import site_domain

SEOUL = ZoneInfo("Asia/Seoul")
REQUEST, CANCEL, PUBLISH = "REQUEST", "CANCEL", "PUBLISH"


@dataclass(frozen=True)
class CalendarEntry:
    """One VEVENT: `start`/`end` are aware datetimes, or dates for an all-day entry (`end` exclusive)."""

    uid: str
    sequence: int
    summary: str
    start: datetime.date | datetime.datetime
    end: datetime.date | datetime.datetime
    location_parts: tuple[str, ...] = ()
    url: str = ""
    cancelled: bool = False


def uid_at_site(local_id: str) -> str:
    """A UID of `local_id` at this site's domain."""
    return f"{local_id}@{site_domain()}"


def seoul_time(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return datetime.datetime.combine(day, time, tzinfo=SEOUL)


def _vevent(entry: CalendarEntry) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", entry.uid)
    event.add("sequence", entry.sequence)
    event.add("summary", entry.summary)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", entry.start)
    event.add("dtend", entry.end)
    location = ", ".join(part for part in entry.location_parts if part)
    if location:
        event.add("location", location)
    if entry.url:
        event.add("url", entry.url)
    event.add("status", "CANCELLED" if entry.cancelled else "CONFIRMED")
    return event


def calendar_file(entries, *, product: str, method: str = "", name: str = "") -> bytes:
    """The .ics bytes of `entries` (CalendarEntry); `product` names the part of the platform in PRODID,
    `method` is REQUEST, CANCEL, PUBLISH or empty, `name` the calendar's display name (feeds)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//Metaverse Alliance//{product}//KO")
    calendar.add("version", "2.0")
    if method:
        calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
    for entry in entries:
        calendar.add_component(_vevent(entry))
    calendar.add_missing_timezones()
    return calendar.to_ical()
