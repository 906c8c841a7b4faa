"""A year's governance in figures (`governance_status`): bodies, seats, meetings held, attendance and quorum,
terms ending, proposals by state. A constant number of queries whatever the year's size."""

import datetime
from collections import Counter, defaultdict

from django.db.models import Count

from alliance.governance.models import Attendance, AttendanceStatus, Meeting, Seat
from alliance.governance.queries.bodies import bodies_of_year, terms_ending
from alliance.governance.queries.proposals import proposals_by_state
from alliance.governance.quorum import Quorum, body_quorum
from alliance.governance.rules import seat_is_active

TERMS_ENDING_WITHIN_DAYS = 60


def attendance_counts(meeting_ids) -> dict[int, Counter]:
    """meeting id → Counter of present / absent / substitute over voting seats (observers apart)."""
    rows = (
        Attendance.objects.filter(meeting_id__in=meeting_ids, seat__is_observer=False)
        .values("meeting_id", "status")
        .annotate(n=Count("pk"))
    )
    counts: dict[int, Counter] = defaultdict(Counter)
    for row in rows:
        counts[row["meeting_id"]][row["status"]] = row["n"]
    return counts


def quorum_of(meeting: Meeting, counts: Counter, voting_seats: int) -> Quorum:
    present, substitutes = counts[AttendanceStatus.PRESENT], counts[AttendanceStatus.SUBSTITUTE]
    # Attendance recorded for a seat whose term did not cover the day still counts as a seat of the meeting.
    seats = max(voting_seats, present + substitutes + counts[AttendanceStatus.ABSENT])
    return body_quorum(meeting.body, seats=seats, present=present, substitutes=substitutes)


def meeting_quorum(meeting: Meeting) -> Quorum:
    """The quorum of one meeting from its recorded attendance (the meeting page)."""
    seats = Seat.objects.filter(body_id=meeting.body_id, is_observer=False)
    voting = sum(1 for seat in seats if meeting.date and seat_is_active(seat, meeting.date))
    return quorum_of(meeting, attendance_counts([meeting.pk])[meeting.pk], voting)


def governance_status(*, year: int, as_of: datetime.date) -> dict:
    """The figures of `year` as of `as_of`, in the shape `governance_status --format json` prints."""
    bodies = list(bodies_of_year(year, as_of=as_of))
    ending: dict[int, list[str]] = defaultdict(list)
    for seat in terms_ending(as_of=as_of, within_days=TERMS_ENDING_WITHIN_DAYS, year=year):
        ending[seat.body_id].append(seat.person.name)
    held = list(
        Meeting.objects.filter(body__year=year, date__lte=as_of, attendance_recorded_at__isnull=False)
        .select_related("body")
        .order_by("body__order", "body__name", "number")
    )
    counts = attendance_counts([meeting.pk for meeting in held])
    seats_by_body: dict[int, list[Seat]] = defaultdict(list)
    for seat in Seat.objects.filter(body__year=year, is_observer=False).only(
        "body_id", "term_start", "term_end", "ended_on"
    ):
        seats_by_body[seat.body_id].append(seat)
    meetings = []
    for meeting in held:
        voting = sum(1 for seat in seats_by_body[meeting.body_id] if seat_is_active(seat, meeting.date))
        quorum = quorum_of(meeting, counts[meeting.pk], voting)
        meetings.append(
            {
                "body": meeting.body.name,
                "number": meeting.number,
                "date": meeting.date.isoformat(),
                "present": counts[meeting.pk][AttendanceStatus.PRESENT],
                "absent": counts[meeting.pk][AttendanceStatus.ABSENT],
                "substitutes": counts[meeting.pk][AttendanceStatus.SUBSTITUTE],
                "quorum_met": quorum.met,
            }
        )
    return {
        "year": year,
        "as_of": as_of.isoformat(),
        "bodies": [
            {
                "name": body.name,
                "kind": body.kind,
                "seats": body.seat_count,
                "meetings_planned": body.meetings_planned,
                "meetings_held": body.meetings_held,
                "terms_ending_within_60_days": ending[body.pk],
            }
            for body in bodies
        ],
        "meetings": meetings,
        "proposals": proposals_by_state(year, as_of=as_of),
    }
