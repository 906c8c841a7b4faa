"""Press coverage: staff list an event's articles; the count between two dates (the briefing's "총 88건 기사보도")
and the public list of a published event."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from alliance.events.models import PressArticle
from alliance.events.queries.press import press_count
from alliance.events.services import coverage
from alliance.events.tests.door_factories import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def seminar():
    return make_event(title="2025 분과통합 공개세미나", date=datetime.date(2025, 11, 13))


def test_the_count_takes_articles_published_between_the_two_dates_inclusive(seminar, staff_user):
    for day in (datetime.date(2025, 9, 30), datetime.date(2025, 10, 1), datetime.date(2025, 12, 31)):
        coverage.add_article(
            event=seminar, actor=staff_user, outlet="데일리뉴스", published_on=day, title=f"기사 {day}"
        )
    coverage.add_article(
        event=make_event(title="다른 행사"), actor=staff_user, outlet="내외뉴스통신",
        published_on=datetime.date(2025, 11, 6), title="다른 행사 기사",
    )  # fmt: skip

    assert press_count(datetime.date(2025, 10, 1), datetime.date(2025, 12, 31)) == 3
    assert press_count(datetime.date(2025, 10, 2), datetime.date(2025, 12, 30)) == 1


def test_an_address_is_listed_once_per_event_and_must_be_a_web_address(seminar, staff_user):
    article = {"outlet": "데일리뉴스", "published_on": datetime.date(2025, 11, 6), "title": "세미나 개최"}
    coverage.add_article(event=seminar, actor=staff_user, url="https://www.idailynews.co.kr/news/1", **article)

    with pytest.raises(ValidationError) as duplicate:
        coverage.add_article(event=seminar, actor=staff_user, url="https://www.idailynews.co.kr/news/1", **article)
    with pytest.raises(ValidationError) as script:
        coverage.add_article(event=seminar, actor=staff_user, url="javascript:alert(1)", **article)

    assert (duplicate.value.code, script.value.code) == ("duplicate", "url")
    assert PressArticle.objects.count() == 1


def test_the_public_list_shows_a_published_events_articles_only(client, seminar, staff_user):
    coverage.add_article(
        event=seminar, actor=staff_user, outlet="데일리뉴스", published_on=datetime.date(2025, 11, 6),
        title="메타버스 얼라이언스, AI 융합시대 산업 혁신 방향 제시", url="https://www.idailynews.co.kr/news/105867",
    )  # fmt: skip
    hidden = make_event(title="준비 중인 행사", published=False)

    page = client.get(reverse("events:press_public", args=[seminar.pk])).content.decode()

    assert "메타버스 얼라이언스, AI 융합시대 산업 혁신 방향 제시" in page
    assert "총 1건" in page
    assert client.get(reverse("events:press_public", args=[hidden.pk])).status_code == 404
