import pytest

from alliance.events import queries
from alliance.events.demo import load_demo
from alliance.events.models import Event, Registration
from alliance.members import demo as member_demo

pytestmark = pytest.mark.django_db


def test_demo_events_with_programme_registrations_and_check_ins():
    member_demo.load(member_demo.generate(150, 7))
    summary = load_demo(seed=7)
    seminar, results, coming = Event.objects.order_by("date")
    assert (seminar.date.isoformat(), results.date.isoformat()) == ("2025-11-13", "2025-12-02")
    assert seminar.programme_rows.count() == 9
    assert results.programme_rows.filter(room="미팅룸(8층)").count() == 1
    for event in (seminar, results):
        seen = queries.attendance(event)
        assert seen.confirmed == event.capacity
        assert seen.waiting > 0
        assert seen.cancelled > 0
        assert seen.confirmed * 0.7 < seen.checked_in <= seen.confirmed
    assert coming.registration_open()
    assert Registration.objects.filter(event=coming, checked_in_at__isnull=False).count() == 0
    assert load_demo(seed=7) == "행사 데모가 이미 있습니다."
    assert summary.startswith("행사 3건")
