"""Attendance on the day: ○ / × / 대참 per seat, online or in person, and the guests (the `meetings` area).

Rules:
- Staff record one status per seat of the meeting (queries.meetings.meeting_seats, observers included);
  a seat left out is recorded absent. A substitute (대참) has a name; an absent seat is neither online nor
  has a substitute.
- Saving replaces the meeting's attendance and guest list as a whole and sets `attendance_recorded_at`
  (a meeting is held once dated and recorded: governance_status). Re-saving corrects it.
Side effects: Attendance and Guest rows, the meeting's `attendance_recorded_at`, an audit entry.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit
from alliance.governance.models import Attendance, AttendanceStatus, Guest, Meeting
from alliance.governance.queries.meetings import meeting_seats


@dataclass(frozen=True)
class SeatAttendance:
    seat_id: int
    status: str
    online: bool = False
    substitute_name: str = ""
    substitute_title: str = ""


@dataclass(frozen=True)
class GuestEntry:
    name: str
    affiliation: str = ""
    title: str = ""


def _checked(entries, seats) -> list[Attendance]:
    by_seat = {entry.seat_id: entry for entry in entries}
    unknown = set(by_seat) - {seat.pk for seat in seats}
    if unknown:
        raise ValidationError(_("Some rows are not seats of this meeting; reload the page."))
    rows = []
    for seat in seats:
        entry = by_seat.get(seat.pk, SeatAttendance(seat.pk, AttendanceStatus.ABSENT))
        if entry.status not in AttendanceStatus.values:
            raise ValidationError(_("%(name)s: choose present, absent or substitute.") % {"name": seat.person.name})
        name, title = entry.substitute_name.strip(), entry.substitute_title.strip()
        if entry.status == AttendanceStatus.SUBSTITUTE and not name:
            raise ValidationError(_("%(name)s: enter the substitute's name.") % {"name": seat.person.name})
        if entry.status != AttendanceStatus.SUBSTITUTE:
            name = title = ""
        rows.append(
            Attendance(
                seat=seat,
                status=entry.status,
                online=entry.online and entry.status != AttendanceStatus.ABSENT,
                substitute_name=name,
                substitute_title=title,
            )
        )
    return rows


def record_attendance(*, actor, meeting: Meeting, entries, guests=()) -> Meeting:
    """Record the day's attendance of every seat and the guests.

    Rule: a substitute has a name; every entry is a seat of the meeting.
    Side effects: the meeting's Attendance and Guest rows replaced; `attendance_recorded_at` set; audit
    `governance.attendance.recorded` with the counts.
    """
    seats = list(meeting_seats(meeting))
    rows = _checked(entries, seats)
    guest_rows = [
        Guest(name=guest.name.strip(), affiliation=guest.affiliation.strip(), title=guest.title.strip())
        for guest in guests
        if guest.name.strip()
    ]
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        Attendance.objects.filter(meeting=meeting).delete()
        Guest.objects.filter(meeting=meeting).delete()
        for row in rows:
            row.meeting = meeting
        Attendance.objects.bulk_create(rows)
        for guest in guest_rows:
            guest.meeting = meeting
        Guest.objects.bulk_create(guest_rows)
        first = meeting.attendance_recorded_at is None
        meeting.attendance_recorded_at = timezone.now()
        meeting.save(update_fields=["attendance_recorded_at"])
        statuses = [row.status for row in rows if not row.seat.is_observer]
        record_audit(
            action="governance.attendance.recorded",
            actor=actor,
            target=meeting,
            after={
                "present": statuses.count(AttendanceStatus.PRESENT),
                "substitute": statuses.count(AttendanceStatus.SUBSTITUTE),
                "absent": statuses.count(AttendanceStatus.ABSENT),
                "guests": len(guest_rows),
                "corrected": not first,
            },
        )
    return meeting
