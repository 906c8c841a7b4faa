"""An event as iCalendar: the .ics attached to the confirmation e-mail and offered on the ticket page.

Rules (RFC 5545, as governance/calendar.py and programs/services/investment_calendar.py):
- One VEVENT whose UID is stable (`events-event-<id>@<host of SITE_URL>`), so a changed time replaces the
  calendar's copy; SEQUENCE is the event's edit version (`Event.version`).
- Times are DTSTART;TZID=Asia/Seoul with its VTIMEZONE.
- METHOD:PUBLISH (an announcement: the recipient is not asked to reply); STATUS:CANCELLED for a cancelled
  registration's copy, so calendars that hold it remove it.
"""

import datetime
from zoneinfo import ZoneInfo

import icalendar
from django.utils import timezone

from alliance.core.mail import site_domain
from alliance.events.models import Event

SEOUL = ZoneInfo("Asia/Seoul")


def event_uid(event: Event) -> str:
    return f"events-event-{event.pk}@{site_domain()}"


def calendar_file(event: Event, *, url: str = "", cancelled: bool = False) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Metaverse Alliance//events//KO")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "PUBLISH")
    entry = icalendar.Event()
    entry.add("uid", event_uid(event))
    entry.add("sequence", event.version)
    entry.add("summary", event.title)
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", datetime.datetime.combine(event.date, event.starts_at, tzinfo=SEOUL))
    entry.add("dtend", datetime.datetime.combine(event.date, event.ends_at, tzinfo=SEOUL))
    location = ", ".join(part for part in (event.venue_name, event.venue_address, event.online_url) if part)
    if location:
        entry.add("location", location)
    if url:
        entry.add("url", url)
    entry.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar.to_ical()
