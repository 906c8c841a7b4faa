"""Preparing a meeting: its date, time, place, online link and format (the `meetings` area).

Rules:
- Staff create a body's meeting (its number unique in the body) and edit it; an edit made on a stale form is
  refused (alliance/core/versions.py) and nothing is written.
- The meeting ends when its timetable ends (`alliance.governance.timetable`): `ends_at` follows the agenda.
- A change of what a calendar shows (date, start, end, place, link, format) raises the meeting's calendar
  revision (`sequence`), so calendars holding its invitation replace their copy.
Side effects of every write: an audit entry on the meeting.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit
from alliance.core.versions import bump_version, check_version
from alliance.governance.models import Body, Meeting
from alliance.governance.timetable import ends_at

EDITABLE = ("date", "starts_at", "place", "online_link", "format", "planned_period", "planned_topics")
CALENDAR_FIELDS = ("date", "starts_at", "ends_at", "place", "online_link", "format")


def _json(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def _snapshot(meeting: Meeting, fields) -> dict:
    return {field: _json(getattr(meeting, field)) for field in fields}


def refresh_end(meeting: Meeting) -> None:
    """Set `ends_at` from the start and the agenda (unsaved); nothing when there is no start or agenda."""
    items = list(meeting.agenda_items.all())
    if meeting.starts_at is not None and items:
        meeting.ends_at = ends_at(meeting.starts_at, items)


def save_with_calendar(meeting: Meeting, before: dict) -> None:
    """Save, raising the calendar revision when what a calendar shows changed since `before`."""
    refresh_end(meeting)
    if _snapshot(meeting, CALENDAR_FIELDS) != {k: before.get(k) for k in CALENDAR_FIELDS}:
        meeting.sequence += 1
    meeting.save()


def create_meeting(*, actor, body: Body, number: int, data: dict) -> Meeting:
    """A new meeting of `body`.

    Rule: the number is not taken in the body; the body is not abolished.
    Side effects: the meeting; audit `governance.meeting.created`.
    """
    if body.abolished_on is not None:
        raise ValidationError(_("This body is abolished; it holds no more meetings."))
    if Meeting.objects.filter(body=body, number=number).exists():
        raise ValidationError(_("Number: meeting %(number)s of this body already exists.") % {"number": number})
    with transaction.atomic():
        meeting = Meeting(body=body, number=number, **{k: v for k, v in data.items() if k in EDITABLE})
        meeting.save()
        record_audit(
            action="governance.meeting.created",
            actor=actor,
            target=meeting,
            after={"number": number, **_snapshot(meeting, EDITABLE)},
        )
    return meeting


def update_meeting(*, actor, meeting: Meeting, data: dict, expected_version: int | None) -> Meeting:
    """Save the meeting form: date, start, place, online link, format, planned period and topics.

    Rule: refused with StaleEditError when someone saved the meeting since the form was loaded.
    Side effects: the meeting (version moved on; calendar revision raised when the calendar's view changed);
    audit `governance.meeting.updated` with the fields changed.
    """
    with transaction.atomic():
        check_version(meeting, expected_version)
        before = _snapshot(meeting, EDITABLE + CALENDAR_FIELDS)
        for field in EDITABLE:
            if field in data:
                setattr(meeting, field, data[field])
        bump_version(meeting)
        save_with_calendar(meeting, before)
        after = _snapshot(meeting, EDITABLE)
        changed = [field for field in EDITABLE if before[field] != after[field]]
        record_audit(
            action="governance.meeting.updated",
            actor=actor,
            target=meeting,
            before={field: before[field] for field in changed},
            after={field: after[field] for field in changed},
        )
    return meeting
