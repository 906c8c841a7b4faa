import datetime

import pytest
from django.db import IntegrityError

from alliance.governance.tests.factories import AttendanceFactory, SeatFactory

pytestmark = pytest.mark.django_db


def test_a_term_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError):
        SeatFactory(term_start=datetime.date(2026, 2, 1), term_end=datetime.date(2026, 1, 31))


def test_attendance_is_recorded_on_a_seat_of_the_meeting_body():
    attendance = AttendanceFactory()
    assert attendance.seat.body == attendance.meeting.body
    assert str(attendance) == f"{attendance.meeting} · {attendance.seat.person.name}: 참석"
