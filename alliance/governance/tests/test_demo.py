"""The governance demo: 2025 and 2026 bodies as in the seeds' structure, the 2025 fourth steering meeting's
attendance, the chair's re-appointment, and the demo logins' seats."""

import datetime

import pytest

from alliance.governance import demo
from alliance.governance.models import Body, Decision, Position, Seat
from alliance.governance.queries.status import governance_status
from alliance.members.demo import ensure_demo_users

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    ensure_demo_users(password="demo-pass-2026")
    return demo.load_demo(seed=1)


def test_bodies_of_both_years(loaded):
    assert list(Body.objects.filter(year=2025).values_list("name", flat=True)) == [
        "운영위원회",
        "미래전략",
        "인재양성",
        "기술표준",
        "윤리제도",
    ]
    assert list(Body.objects.filter(year=2026).values_list("name", flat=True)) == [
        "운영위원회",
        "차세대기술전략",
        "인재양성",
        "윤리제도",
        "상생협력",
    ]


def test_fourth_meeting_of_2025(loaded):
    status = governance_status(year=2025, as_of=datetime.date(2025, 12, 31))
    assert status["bodies"][0]["seats"] == 16
    assert status["meetings"][3] == {
        "body": "운영위원회",
        "number": 4,
        "date": "2025-11-26",
        "present": 9,
        "absent": 5,
        "substitutes": 2,
        "quorum_met": True,
    }


def test_chair_reappointed_and_logins_seated(loaded):
    decision = Decision.objects.get(effect="extend_terms")
    chair = decision.seats.get()
    assert (chair.position, chair.term_end) == (Position.CHAIR, datetime.date(2026, 12, 31))
    steering_2026 = Body.objects.get(year=2026, name="운영위원회")
    member_seat = Seat.objects.get(body=steering_2026, person__user__email=demo.CHAIR_LOGIN)
    assert member_seat.ex_officio_for.body.name == "상생협력"
    assert Seat.objects.filter(person__user__email=demo.STEERING_LOGIN, body__year=2026).count() == 1
    assert Seat.objects.filter(person__user__email=demo.SUBCOMMITTEE_LOGIN, body__name="윤리제도").count() == 2
    assert demo.load_demo(seed=1) == "회의체 데모가 이미 있습니다."
