import datetime

import pytest
from django.utils import timezone

from alliance.governance import demo_minutes
from alliance.governance.models import MinutesState, MinutesVersion
from alliance.governance.tests.factories import MeetingFactory, SubcommitteeFactory
from alliance.governance.tests.seed_meeting import seed_steering_meeting

pytestmark = pytest.mark.django_db


def test_the_demo_confirms_the_fourth_steering_and_subcommittee_minutes_and_circulates_the_third():
    fourth = seed_steering_meeting()
    third = MeetingFactory(body=fourth.body, number=3, attendance_recorded_at=timezone.now())
    subcommittee = MeetingFactory(
        body=SubcommitteeFactory(year=2025, name="미래전략분과"),
        number=3,
        date=datetime.date(2025, 10, 21),
        planned_topics="산업용 메타버스 활용 우수 사례 공유",
        attendance_recorded_at=timezone.now(),
    )
    assert demo_minutes.load() == "회의록 2건 확정, 1건 의견 수렴 중"
    states = dict(MinutesVersion.objects.values_list("minutes__meeting_id", "state"))
    assert states == {
        fourth.pk: MinutesState.CONFIRMED,
        third.pk: MinutesState.CIRCULATED,
        subcommittee.pk: MinutesState.CONFIRMED,
    }
    item = MinutesVersion.objects.get(minutes__meeting=subcommittee).items.get()
    assert item.title == "산업용 메타버스 활용 우수 사례 공유"
    assert [p.presenter for p in item.presentations.all()] == ["김하람 부장", "남도윤 이사", "김서진 부장"]
    reappointment = MinutesVersion.objects.get(minutes__meeting=fourth).items.get(order=3)
    assert reappointment.discussion == "운영위원장 및 분과위원장 임기 1년 연장에 대한 동의"
    assert demo_minutes.load() == "회의록 데모가 이미 있습니다."


def test_the_full_demo_has_confirmed_minutes_of_the_fourth_steering_meeting():
    from alliance.governance import demo
    from alliance.governance.models import Meeting
    from alliance.governance.queries.attendance_table import attendance_table
    from alliance.members.demo import ensure_demo_users

    ensure_demo_users(password="demo-pass-2026")
    summary = demo.load_demo(seed=1)
    assert "의견 수렴 중" in summary
    fourth = Meeting.objects.get(body__year=2025, body__name="운영위원회", number=4)
    assert fourth.minutes.versions.get().state == MinutesState.CONFIRMED
    assert attendance_table(fourth).heading == "대상 인원 : 총 16명(참석 11명/불참 5명)"
    third = Meeting.objects.get(body__year=2025, body__name="운영위원회", number=3)
    assert third.minutes.versions.get().state == MinutesState.CIRCULATED
