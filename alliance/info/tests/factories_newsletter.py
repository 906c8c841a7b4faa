"""Factories of the newsletter's rows (editions, items, feeds, feed items)."""

import datetime

import factory

from alliance.info.models import Edition, EditionItem, FeedItem, NewsFeed, Section
from alliance.info.queries.newsletter_calendar import publishing_dates


def publishing_day_after(day: datetime.date, nth: int = 0) -> datetime.date:
    """The nth publishing day after `day` (0: the first)."""
    return publishing_dates(day + datetime.timedelta(days=1), day + datetime.timedelta(days=40 + 2 * nth))[nth]


class NewsFeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsFeed

    name = factory.Sequence(lambda n: f"가상융합 뉴스 {n}")
    url = factory.Sequence(lambda n: f"http://10.0.0.{n % 250 + 1}/feed{n}.xml")  # never fetched: private
    section = Section.DOMESTIC


class FeedItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeedItem

    feed = factory.SubFactory(NewsFeedFactory)
    title = factory.Sequence(lambda n: f"메타버스 산업 동향 기사 {n}호")
    title_key = factory.LazyAttribute(lambda item: item.title.replace(" ", ""))
    link = factory.Sequence(lambda n: f"https://news.example.kr/article/{n}")
    normalised_link = factory.LazyAttribute(lambda item: item.link)
    summary = "가상융합산업 소식"


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition

    publishing_date = factory.Sequence(lambda n: datetime.date(2026, 1, 5) + datetime.timedelta(days=7 * n))
    subject = factory.LazyAttribute(lambda edition: f"메타버스 얼라이언스 데일리 뉴스레터 ({edition.publishing_date})")


class EditionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EditionItem

    edition = factory.SubFactory(EditionFactory)
    section = Section.DOMESTIC
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"XR 기기 확산 기사 {n}")
    summary = "마이크로 OLED 경쟁"
    link = factory.Sequence(lambda n: f"https://news.example.kr/xr/{n}")
    source = "가상융합 뉴스"
