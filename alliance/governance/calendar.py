"""Meetings as iCalendar: the .ics attached to an invitation and each person's feed of all their meetings
(written by alliance/core/calendar.py, which states the rules).

- The UID is `governance-meeting-<id>@<host of SITE_URL>`; SEQUENCE is the meeting's calendar revision
  (`Meeting.sequence`), raised by every change of what the event shows (services.meetings.save_with_calendar).
- A meeting without a start time is an all-day event; a meeting without a date is left out; a meeting without
  an end (or ending before it starts) lasts DEFAULT_MINUTES.
- METHOD:REQUEST on the invitation's attachment, none on the feed.
"""

import datetime

from django.utils.translation import gettext as _

from alliance.core.calendar import REQUEST, CalendarEntry, seoul_time, uid_at_site
from alliance.core.calendar import calendar_file as write_calendar
from alliance.governance.models import Meeting

__all__ = ["REQUEST", "calendar_file", "event_uid", "meeting_title"]
DEFAULT_MINUTES = 120


def event_uid(meeting: Meeting) -> str:
    return uid_at_site(f"governance-meeting-{meeting.pk}")


def meeting_title(meeting: Meeting) -> str:
    return _("%(year)s %(body)s meeting %(number)s") % {
        "year": meeting.body.year,
        "body": meeting.body.name,
        "number": meeting.number,
    }


def _times(meeting: Meeting) -> tuple:
    if meeting.starts_at is None:
        return meeting.date, meeting.date + datetime.timedelta(days=1)
    start = seoul_time(meeting.date, meeting.starts_at)
    if meeting.ends_at and meeting.ends_at > meeting.starts_at:
        return start, seoul_time(meeting.date, meeting.ends_at)
    return start, start + datetime.timedelta(minutes=DEFAULT_MINUTES)


def _entry(meeting: Meeting, *, url: str) -> CalendarEntry:
    start, end = _times(meeting)
    return CalendarEntry(
        uid=event_uid(meeting),
        sequence=meeting.sequence,
        summary=meeting_title(meeting),
        start=start,
        end=end,
        location_parts=(meeting.place, meeting.online_link),
        url=url,
    )


def calendar_file(meetings, *, method: str = "", name: str = "", urls=None) -> bytes:
    """An iCalendar of the dated `meetings`; `method` REQUEST for an e-mail's attachment, empty otherwise.
    `urls(meeting)` gives each event's page."""
    entries = [_entry(m, url=urls(m) if urls else "") for m in meetings if m.date is not None]
    return write_calendar(entries, product="governance", method=method, name=name)
