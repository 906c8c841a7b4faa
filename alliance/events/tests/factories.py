"""Events for tests: an upcoming published event open to members and the public, its programme rows."""

import datetime

import factory
from django.utils import timezone

from alliance.events.models import Event, EventKind, ProgrammeRow, Question


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"2026 메타버스 얼라이언스 공개세미나 {n}")
    kind = EventKind.SEMINAR
    date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))
    starts_at = datetime.time(14, 0)
    ends_at = datetime.time(17, 0)
    venue_name = "일산 킨텍스 제1전시장 5홀"
    venue_address = "경기도 고양시 일산서구 킨텍스로 217-60"
    host = "과학기술정보통신부"
    organiser = "메타버스 얼라이언스, NIPA, K-META"
    capacity = 3
    open_to_members = True
    open_to_public = True
    published = True


class ProgrammeRowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeRow

    event = factory.SubFactory(EventFactory)
    section = "행사개회"
    starts_at = datetime.time(14, 0)
    ends_at = datetime.time(14, 5)
    content = "행사소개"
    note = "사회자(박하나 MC)"
    order = factory.Sequence(lambda n: n)


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    event = factory.SubFactory(EventFactory)
    text = "투자·법률 상담을 신청하시겠습니까?"
    kind = Question.Kind.YES_NO
