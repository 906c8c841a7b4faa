"""Minutes for the governance tests: `attended_meeting()` is a steering meeting of 2025 whose attendance is
recorded (two present with accounts, one substitute, one absent), with two agenda items, a break and a decision."""

import datetime

from django.utils import timezone

from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.governance.models import AgendaItemKind, AttendanceStatus, Decision, DecisionMethod, DecisionOutcome
from alliance.governance.tests.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    BodyFactory,
    MeetingFactory,
    PersonFactory,
    SeatFactory,
)


def attended_meeting(*, body=None):
    body = body or BodyFactory(year=2025, name="운영위원회")
    meeting = MeetingFactory(
        body=body,
        number=4,
        date=datetime.date(2025, 11, 26),
        starts_at=datetime.time(15, 0),
        place="K-META 대회의실",
        attendance_recorded_at=timezone.now(),
    )
    AgendaItemFactory(
        meeting=meeting,
        order=1,
        title="4/4분기 현황 보고",
        presenter_name="김사무",
        presenter_affiliation="사무국",
        presenter_title="팀장",
    )
    AgendaItemFactory(meeting=meeting, order=2, kind=AgendaItemKind.BREAK, title="휴식", duration_minutes=5)
    second = AgendaItemFactory(meeting=meeting, order=3, title="의장 연임 건")
    Decision.objects.create(
        meeting=meeting,
        agenda_item=second,
        motion="운영위원장 임기 1년 연장",
        method=DecisionMethod.CONSENSUS,
        outcome=DecisionOutcome.ADOPTED,
        recorded_at=timezone.now(),
    )
    people = []
    for index, status in enumerate(
        [AttendanceStatus.PRESENT, AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE, AttendanceStatus.ABSENT]
    ):
        user = UserFactory(role=Role.STEERING) if index < 2 else None
        person = PersonFactory(name=f"위원{index}", user=user, email=f"seat{index}@example.kr")
        seat = SeatFactory(body=body, person=person, order=index)
        AttendanceFactory(meeting=meeting, seat=seat, status=status, substitute_name="박대리" if index == 2 else "")
        people.append(person)
    return meeting, people
