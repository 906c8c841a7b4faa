import datetime

import pytest
from django.utils import timezone

from alliance.core.frontpage import agenda
from alliance.events import queries
from alliance.events.models import Registration
from alliance.events.services.registration import register
from alliance.events.tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_coming_published_events_are_on_the_front_page_agenda():
    shown = EventFactory(title="2026 분과통합 공개세미나")
    EventFactory(title="초안 행사", published=False)
    EventFactory(title="지난 행사", date=timezone.localdate() - datetime.timedelta(days=3))
    items = [(item.title, item.url) for item in agenda(limit=50) if item.kind == "행사"]
    assert items == [("2026 분과통합 공개세미나", shown.get_absolute_url())]


def test_events_in_and_attendance_by_organisation_type():
    event = EventFactory(capacity=2, date=datetime.date(2099, 11, 13))
    EventFactory(date=datetime.date(2099, 12, 2), published=False)
    people = [
        register(event=event, name=f"p{n}", email=f"p{n}@example.kr", source="public", consented=True,
                 organisation_type=kind)
        for n, kind in enumerate(["company", "university", "company"])
    ]  # fmt: skip
    Registration.objects.filter(pk__in=[people[0].pk, people[1].pk]).update(checked_in_at=timezone.now())
    Registration.objects.create(
        event=event, name="현장", sequence=9, walk_in=True, checked_in_at=timezone.now(), organisation_type="press",
        expires_at=timezone.now(), token_hash="w" * 64,
    )  # fmt: skip
    [found] = queries.events_in(datetime.date(2099, 11, 1), datetime.date(2099, 12, 31))
    assert (found, found.confirmed_count, found.checked_in_count) == (event, 3, 3)
    assert len(queries.events_in(datetime.date(2099, 11, 1), datetime.date(2099, 12, 31), published_only=False)) == 2
    seen = queries.attendance(event)
    assert (seen.confirmed, seen.waiting, seen.cancelled, seen.checked_in, seen.walk_ins) == (3, 1, 0, 3, 1)
    assert seen.by_organisation_type == {
        "company": 1, "institution": 0, "university": 1, "government": 0, "press": 1, "other": 0,
    }  # fmt: skip
