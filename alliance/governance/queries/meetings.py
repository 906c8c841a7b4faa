"""Reads about meetings shared by the meeting pages, the invitations and the attendance (the `meetings` area).

Rules:
- A meeting's seats are its body's seats active on the meeting's day (alliance.governance.rules
  `active_seat_q`: not ended, the term covering the day). Observers (배석) are among them, marked; they are
  invited but never counted in the quorum nor allowed to vote.
- A user's seats for a meeting are their seat-holder records' (Person.user) seats among these.
"""

import datetime
from zoneinfo import ZoneInfo

from django.db.models import Prefetch, Q
from django.utils import timezone

from alliance.governance.models import (
    AgendaItem,
    Attendance,
    Body,
    Meeting,
    MeetingInvitation,
    Reply,
    Seat,
)
from alliance.governance.rules import active_seat_q, seat_is_active

SEOUL = ZoneInfo("Asia/Seoul")


def seated_on(day: datetime.date | None) -> Q:
    """Seats held on `day` (today while the meeting has no date): the rules' active seat."""
    return active_seat_q(day or timezone.localdate())


def meeting_seats(meeting: Meeting):
    """The seats invited to and recorded at `meeting`, in the body's order, observers last."""
    return (
        Seat.objects.filter(body_id=meeting.body_id)
        .filter(seated_on(meeting.date))
        .select_related("person")
        .order_by("is_observer", "order", "pk")
    )


def user_seats(user, meeting: Meeting):
    """`user`'s seats in the meeting's body that concern this meeting."""
    if not (user and user.is_authenticated):
        return Seat.objects.none()
    return Seat.objects.filter(body_id=meeting.body_id, person__user=user).filter(seated_on(meeting.date))


def meeting_start(meeting: Meeting) -> datetime.datetime | None:
    """When the meeting starts (Korean time), None while it has no date."""
    if meeting.date is None:
        return None
    return datetime.datetime.combine(meeting.date, meeting.starts_at or datetime.time.min, tzinfo=SEOUL)


def has_started(meeting: Meeting, now: datetime.datetime | None = None) -> bool:
    start = meeting_start(meeting)
    return start is not None and start <= (now or timezone.now())


def meeting_for_page(pk: int) -> Meeting:
    """A meeting with what its page shows, in a constant number of queries."""
    return (
        Meeting.objects.select_related("body")
        .prefetch_related(
            Prefetch("agenda_items", queryset=AgendaItem.objects.prefetch_related("papers").order_by("order")),
            Prefetch("decisions__agenda_item"),
            "guests",
        )
        .get(pk=pk)
    )


def replies_by_seat(meeting: Meeting) -> dict[int, Reply]:
    return {reply.seat_id: reply for reply in Reply.objects.filter(meeting=meeting)}


def attendance_by_seat(meeting: Meeting) -> dict[int, Attendance]:
    return {row.seat_id: row for row in Attendance.objects.filter(meeting=meeting)}


def invitations_by_seat(meeting: Meeting) -> dict[int, MeetingInvitation]:
    return {row.seat_id: row for row in MeetingInvitation.objects.filter(meeting=meeting)}


def upcoming_meetings_of(user, *, today: datetime.date | None = None):
    """The meetings of the bodies where `user` holds a seat today, dated today or later, soonest first."""
    today = today or timezone.localdate()
    bodies = Seat.objects.filter(person__user=user).filter(seated_on(today)).values("body_id")
    return (
        Meeting.objects.filter(body_id__in=bodies, date__gte=today)
        .select_related("body")
        .order_by("date", "starts_at", "pk")
    )


def meetings_of_person(person) -> list[Meeting]:
    """Every dated meeting of the bodies where `person` held a seat on its day: the person's calendar feed."""
    seats = list(Seat.objects.filter(person=person))
    meetings = Meeting.objects.filter(body_id__in={seat.body_id for seat in seats}, date__isnull=False)
    return [
        meeting
        for meeting in meetings.select_related("body").order_by("date", "pk")
        if any(seat.body_id == meeting.body_id and seat_is_active(seat, meeting.date) for seat in seats)
    ]


def meeting_years() -> list[int]:
    """The years that have bodies, newest first."""
    return sorted(set(Body.objects.values_list("year", flat=True)), reverse=True)


def bodies_with_meetings(year: int):
    """A year's bodies in their order, each with its meetings (two queries)."""
    return Body.objects.filter(year=year).prefetch_related(
        Prefetch("meetings", queryset=Meeting.objects.order_by("number"))
    )
