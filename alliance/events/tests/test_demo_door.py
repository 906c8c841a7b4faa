"""The after-event demo data on top of the 2025 events: seed 001's 88 articles, ten awards, ten IR slots."""

import datetime

import pytest

from alliance.events.demo_door import load_door_demo
from alliance.events.models import EventAward, EventKind, PitchSlot, PressArticle
from alliance.events.queries.press import press_count
from alliance.events.tests.door_factories import make_event
from alliance.members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_2025_events_get_press_awards_and_pitching():
    for number in range(25):
        OrganisationFactory(name=f"데모 회원사 {number:02d}")
    seminar = make_event(title="2025 분과통합 공개세미나", kind=EventKind.SEMINAR, date=datetime.date(2025, 11, 13))
    results = make_event(title="2025 성과공유회", kind=EventKind.RESULTS, date=datetime.date(2025, 12, 2))

    outcome = load_door_demo(seed=7)

    assert PressArticle.objects.filter(event=seminar).count() == 88
    assert press_count(datetime.date(2025, 10, 1), datetime.date(2025, 12, 31)) == 88
    assert EventAward.objects.filter(event=results).count() == 10
    slots = list(PitchSlot.objects.filter(event=results))
    assert (len(slots), slots[0].starts_at, slots[-1].starts_at) == (10, datetime.time(14, 0), datetime.time(17, 0))
    assert load_door_demo(seed=7) == "events (door): already loaded"
    assert "88 press articles" in outcome
