"""Bodies, people, seats and meetings for the governance tests.

`SeatFactory()` is a member seat on a steering committee of 2026 held by a new person with a one-year term;
`MeetingFactory(body=...)` a dated meeting of that body.
"""

import datetime

import factory

from alliance.governance.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Body,
    BodyKind,
    Meeting,
    Person,
    Position,
    Seat,
    Sector,
)


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body

    year = 2026
    name = factory.Sequence(lambda n: "운영위원회" if n == 0 else f"분과 {n}")
    kind = BodyKind.STEERING
    meetings_planned = 3


class SubcommitteeFactory(BodyFactory):
    name = factory.Sequence(lambda n: f"분과 {n}")
    kind = BodyKind.SUBCOMMITTEE
    open_to_members = True


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"위원{n}")
    affiliation = factory.Sequence(lambda n: f"기관 {n}")
    title = "교수"
    sector = Sector.ACADEMIA
    email = factory.Sequence(lambda n: f"person{n}@example.kr")


class SeatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Seat

    body = factory.SubFactory(BodyFactory)
    person = factory.SubFactory(PersonFactory)
    position = Position.MEMBER
    term_start = factory.LazyAttribute(lambda o: datetime.date(o.body.year, 1, 1))
    term_end = factory.LazyAttribute(lambda o: datetime.date(o.body.year, 12, 31))


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    body = factory.SubFactory(BodyFactory)
    number = factory.Sequence(lambda n: n + 1)
    date = factory.LazyAttribute(lambda o: datetime.date(o.body.year, 6, 10))
    starts_at = datetime.time(14, 0)
    place = "메타버스 얼라이언스 사무국 회의실"


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"안건 {n}")
    duration_minutes = 20


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    seat = factory.SubFactory(SeatFactory, body=factory.SelfAttribute("..meeting.body"))
    status = AttendanceStatus.PRESENT
