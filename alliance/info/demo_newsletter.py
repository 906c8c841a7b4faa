"""Demo data of the newsletter: two news feeds read from local files (alliance/info/demo_feeds/, no network: the
feeds are stored inactive so that the periodic fetch leaves them alone), a month of sent editions with their
items and the HTML and text as sent, the next publishing day's edition scheduled and the one after in draft.

Past editions are written directly (their sending happened before the demo began); the scheduled and the draft
edition go through the services, as staff would build them.
"""

import datetime
import random
from pathlib import Path

import feedparser
from django.db import transaction
from django.utils import timezone

from alliance.core.mail import render_message
from alliance.core.models import User
from alliance.core.roles import Role
from alliance.info.models import Edition, EditionItem, FeedItem, NewsFeed, Section
from alliance.info.queries.newsletter_calendar import publishing_dates
from alliance.info.services import newsletter_editions as editions
from alliance.info.services.newsletter_feeds import store_entries
from alliance.info.services.newsletter_search import index_missing_editions

FEEDS = Path(__file__).parent / "demo_feeds"
DEMO_DAYS = 31
PAST_YEAR = 2025  # the year of the demo's quarterly briefing (reports.demo_briefing)
# The seed's edition of 2025-11: banners, partner agencies' promotions, calls (seed 001 "데일리 뉴스레터").
BANNERS = (
    ("메타버스 & AI 융합세미나 및 투자법률 상담회", "메타버스 얼라이언스 분과통합공개세미나 · 14:00-17:00"),
    ("가상융합산업 보유 기술 표준화 수요조사", "2025 메타버스 표준전문연구실"),
)
PROMOTIONS = (
    ("Unity AI를 활용한 메타버스 콘텐츠 개발 과정(K-META)", "교육 기간 이틀, 10:00-17:00", "K-META"),
    ("AI를 활용한 Unreal Engine 리얼타임 콘텐츠 제작 과정", "교육 기간 이틀, 10:00-17:00", "K-META"),
    ("넥스트 메타버스: AI 혁신과 새로운 기회(SPRI 포럼)", "판교 코사이티 타운홀A, 14:00-16:00", "SPRI"),
    ("가상융합서비스 개발자 경진대회 수상작 모음집(RAPA)", "K-디지털 챌린지 수상작 모음", "RAPA"),
)
CALLS = (
    ("메타버스허브 입주기업 모집(NIPA)", "인프라, 사업화, 투자유치, 콘텐츠 제작·실증 종합 지원", "NIPA"),
    ("DMC 지원시설(첨단/산학) 신규 입주기업 모집(서울경제진흥원)", "하반기 신규 입주기업 모집", "SBA"),
)
TAGS = ("AX 전환 관점", "정책", "투자")


def _load_feeds() -> list[NewsFeed]:
    feeds = [
        NewsFeed.objects.create(
            name="가상융합 뉴스(데모)", url="https://news.example.kr/rss", section=Section.DOMESTIC, active=False
        ),
        NewsFeed.objects.create(
            name="XR World (demo)", url="https://xr.example.com/feed.atom", section=Section.GLOBAL, active=False
        ),
    ]
    for feed, name in zip(feeds, ("domestic.rss", "global.atom"), strict=True):
        store_entries(feed=feed, entries=list(feedparser.parse((FEEDS / name).read_bytes()).entries))
        NewsFeed.objects.filter(pk=feed.pk).update(last_fetched_at=timezone.now())
    return feeds


def _fill(edition: Edition, rng: random.Random, news: dict[str, list[FeedItem]]) -> None:
    rows = []
    banner = rng.choice(BANNERS)
    rows.append(EditionItem(section=Section.BANNER, title=banner[0], summary=banner[1], source="얼라이언스 사무국"))
    for section in (Section.DOMESTIC, Section.GLOBAL):
        for item in rng.sample(news[section], k=min(len(news[section]), 5 if section == Section.DOMESTIC else 3)):
            tags = [rng.choice(TAGS)] if rng.random() < 0.3 else []
            rows.append(
                EditionItem(
                    section=section,
                    title=item.title,
                    summary=item.summary,
                    link=item.link,
                    source=item.feed.name,
                    tags=tags,
                    origin=EditionItem.Origin.FEED,
                    origin_id=item.pk,
                )
            )
    for title, summary, source in rng.sample(PROMOTIONS, k=2):
        rows.append(EditionItem(section=Section.PROMOTION, title=title, summary=summary, source=source))
    title, summary, source = rng.choice(CALLS)
    rows.append(EditionItem(section=Section.CALLS, title=title, summary=summary, source=source))
    orders: dict[str, int] = {}
    for row in rows:
        orders[row.section] = orders.get(row.section, 0) + 1
        row.edition, row.order = edition, orders[row.section]
    EditionItem.objects.bulk_create(rows)


def _send_time(day: datetime.date) -> datetime.datetime:
    return editions.default_send_at(day)


def _sent_edition(day: datetime.date, rng: random.Random, news: dict[str, list[FeedItem]]) -> Edition:
    """An edition sent on its publishing day, written directly with its items and the HTML and text as sent."""
    advertising = rng.random() < 0.2
    edition = Edition.objects.create(
        publishing_date=day, subject=editions.default_subject(day), carries_advertising=advertising
    )
    _fill(edition, rng, news)
    message = render_message("info/newsletter/email", {"edition": edition}, to=[])
    edition.text = message.body  # the subject stays the title: the (광고) mark is the e-mail's
    edition.html = message.alternatives[0][0]
    edition.state, edition.send_at = Edition.State.SENT, _send_time(day)
    edition.sent_at = edition.send_at
    edition.save()
    return edition


def load_past_newsletter_demo(*, seed: int) -> str:
    """A handful of editions sent in 2025 Q4 (every tenth publishing day), for the demo's 2025 Q4 steering
    briefing. Called after the subscribers' demo, so they carry no deliveries and the month of 2026 editions and
    their deliveries stay what they were for a seed; their own generator, for the same reason."""
    if Edition.objects.filter(publishing_date__year=PAST_YEAR).exists():
        return "newsletter: 2025 editions present, kept"
    rng = random.Random(seed + PAST_YEAR)  # noqa: S311  demo data, reproducible by seed
    news = {
        section: list(FeedItem.objects.filter(feed__section=section).select_related("feed").order_by("pk"))
        for section in (Section.DOMESTIC, Section.GLOBAL)
    }
    if not all(news.values()):
        return "newsletter: no feed items, no 2025 editions"
    days = publishing_dates(datetime.date(PAST_YEAR, 10, 1), datetime.date(PAST_YEAR, 12, 31))[::10]
    with transaction.atomic():
        for day in days:
            _sent_edition(day, rng, news)
    index_missing_editions()
    return f"newsletter: {len(days)} editions sent in {PAST_YEAR} Q4"


def load_newsletter_demo(*, seed: int) -> str:
    rng = random.Random(seed)  # noqa: S311  demo data, reproducible by seed
    today = timezone.localdate()
    staff = User.objects.with_role(Role.STAFF).order_by("pk").first()
    with transaction.atomic():
        feeds = _load_feeds()
        news = {feed.section: list(FeedItem.objects.filter(feed=feed).select_related("feed")) for feed in feeds}
        past = publishing_dates(today - datetime.timedelta(days=DEMO_DAYS), today - datetime.timedelta(days=1))
        for day in past:
            _sent_edition(day, rng, news)
        coming = publishing_dates(today + datetime.timedelta(days=1), today + datetime.timedelta(days=20))[:2]
        for index, day in enumerate(coming):
            edition = editions.create_edition(actor=staff, publishing_date=day)
            _fill(edition, rng, news)
            if index == 0:
                editions.schedule_edition(actor=staff, edition=edition)
    index_missing_editions()
    return f"newsletter: {len(past)} sent editions, 1 scheduled, 1 draft; {FeedItem.objects.count()} feed items"
