"""An event as iCalendar: the .ics attached to the confirmation e-mail and offered on the ticket page
(written by alliance/core/calendar.py, which states the rules).

- The UID is `events-event-<id>@<host of SITE_URL>`; SEQUENCE is the event's edit version (`Event.version`).
- METHOD:PUBLISH (an announcement: the recipient is not asked to reply); METHOD:CANCEL and STATUS:CANCELLED
  for a cancelled registration's copy, so calendars that hold it remove it.
"""

from alliance.core.calendar import CANCEL, PUBLISH, CalendarEntry, seoul_time, uid_at_site
from alliance.core.calendar import calendar_file as write_calendar
from alliance.events.models import Event


def event_uid(event: Event) -> str:
    return uid_at_site(f"events-event-{event.pk}")


def calendar_file(event: Event, *, url: str = "", cancelled: bool = False) -> bytes:
    entry = CalendarEntry(
        uid=event_uid(event),
        sequence=event.version,
        summary=event.title,
        start=seoul_time(event.date, event.starts_at),
        end=seoul_time(event.date, event.ends_at),
        location_parts=(event.venue_name, event.venue_address, event.online_url),
        url=url,
        cancelled=cancelled,
    )
    return write_calendar([entry], product="events", method=CANCEL if cancelled else PUBLISH)
