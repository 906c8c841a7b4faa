"""A steering committee with seats across the sectors and a prepared meeting ten days ahead, for the meeting tests."""

import datetime

from django.utils import timezone

from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.governance.models import AgendaItemKind, Position, Sector
from alliance.governance.tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    MeetingFactory,
    PersonFactory,
    SeatFactory,
)


def meeting_day() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=10)


def build_steering() -> dict:
    """The committee, its meeting ahead with a three-part agenda, and its seats: a chair and a member with
    accounts, a member without one, an observer."""
    day = meeting_day()
    body = BodyFactory(year=day.year, name="운영위원회")
    chair_user = UserFactory(role=Role.STEERING, name="유의장", email="chair@univ.example.kr")
    member_user = UserFactory(role=Role.STEERING, name="조위원", email="cho@metaverse.example.kr")
    seats = {
        "chair": SeatFactory(
            body=body,
            order=1,
            position=Position.CHAIR,
            person=PersonFactory(name="유의장", email="chair@univ.example.kr", user=chair_user, sector=Sector.ACADEMIA),
        ),
        "member": SeatFactory(
            body=body,
            order=2,
            person=PersonFactory(
                name="조위원",
                affiliation="메타버스협의회",
                title="회장",
                email="cho@metaverse.example.kr",
                user=member_user,
                sector=Sector.INDUSTRY,
            ),
        ),
        "agency": SeatFactory(
            body=body,
            order=3,
            person=PersonFactory(name="이본부장", email="lee@agency.example.kr", sector=Sector.AGENCY),
        ),
        "observer": SeatFactory(
            body=body,
            order=4,
            is_observer=True,
            person=PersonFactory(name="김사무관", email="kim@ministry.example.kr", sector=Sector.GOVERNMENT),
        ),
    }
    meeting = MeetingFactory(body=body, number=4, date=day, starts_at=datetime.time(15, 0), place="K-META 대회의실")
    AgendaItemFactory(
        meeting=meeting, order=1, kind=AgendaItemKind.OTHER, title="참석자 소개", duration_minutes=5, note="사무국"
    )
    AgendaItemFactory(meeting=meeting, order=2, title="4/4분기 현황 보고", duration_minutes=25, presenter_name="사무국")
    AgendaItemFactory(meeting=meeting, order=3, title="의장 연임 건", duration_minutes=5, note="사무국")
    return {"body": body, "meeting": meeting, "seats": seats, "chair": chair_user, "member": member_user}
