"""Reads of the newsletter: an edition's sections and links (its templates), the web archive's lists, the
builder's candidate pool, and the figures the quarterly briefing and the front page take."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.dates import quarter_bounds
from alliance.core.fulltext.queries import rank, snippets
from alliance.core.fulltext.snippets import Snippet
from alliance.info.board_markdown import plain_summary
from alliance.info.models import (
    SECTION_ORDER,
    Board,
    Category,
    Edition,
    EditionItem,
    FeedItem,
    Post,
    Report,
    Section,
    published_q,
)
from alliance.info.queries.promotions import running_promotions

CANDIDATE_DAYS = 7
EDITION_KIND = "info.edition"  # the web archive's documents in core's full-text index
CANDIDATES_PER_SOURCE = 30


def advertising_marked(carries_advertising: bool) -> bool:
    """정보통신망법 §50: an e-mail to the subscribers carrying advertising is marked (광고), states the sender and goes
    only to current consent, unless the rule is switched off (NEWSLETTER_AD_MARKING)."""
    return bool(carries_advertising and getattr(settings, "NEWSLETTER_AD_MARKING", True))


def marks_advertising(edition: Edition) -> bool:
    return advertising_marked(edition.carries_advertising)


def edition_sections(edition: Edition) -> list[tuple[str, str, list[EditionItem]]]:
    items = list(edition.items.all())
    sections = []
    for value in SECTION_ORDER:
        in_section = sorted((item for item in items if item.section == value), key=lambda item: (item.order, item.pk))
        if in_section:
            sections.append((value, Section(value).label, in_section))
    return sections


def _site(name: str, fallback: str, **kwargs) -> str:
    try:
        return settings.SITE_URL + reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:  # the area that serves it has not landed: the old site's address
        return settings.SITE_URL + fallback


@dataclass(frozen=True)
class Link:
    label: str
    url: str


def edition_links() -> list[Link]:
    return [
        Link(_("Metaverse Alliance homepage"), settings.SITE_URL + "/"),
        Link(_("Metaverse archive"), settings.SITE_URL + "/metabus_trends_reports"),
        Link(_("Notices and collaboration board"), settings.SITE_URL + "/notice_board"),
        Link(_("Past editions"), _site("info:newsletter_archive", "/newsletter")),
    ]


# ---- the web archive and the briefing -------------------------------------------------------------------------


def sent_editions() -> QuerySet[Edition]:
    return Edition.objects.filter(state=Edition.State.SENT).order_by("-publishing_date")


def search_sent_editions(*, query: str = "", month: tuple[int, int] | None = None) -> list[Edition] | QuerySet[Edition]:
    """Sent editions in `month` (all when None), newest first; with a `query`, those matching every word of it
    in core's Korean full-text index (subject, item titles, summaries, sources: a part of a word finds the whole,
    spacing and particles do not matter), best first."""
    editions = sent_editions()
    if month:
        editions = editions.filter(publishing_date__year=month[0], publishing_date__month=month[1])
    ranked = rank(kind=EDITION_KIND, query=query, within=editions.values("pk")) if query else None
    if ranked is None:
        return editions
    by_id = editions.in_bulk(ranked)
    return [by_id[pk] for pk in ranked if pk in by_id]


def edition_snippets(query: str, editions) -> dict[int, Snippet]:
    """The matching passage of each edition shown (its items' titles or summaries), the query's words marked."""
    if not query:
        return {}
    return snippets(kind=EDITION_KIND, query=query, object_ids=[edition.pk for edition in editions])


def sent_months() -> list[datetime.date]:
    """The first day of each month that has a sent edition, newest first."""
    return list(sent_editions().dates("publishing_date", "month", order="DESC"))


def editions_sent(year: int, quarter: int) -> int:
    """How many editions were sent in a quarter (the quarterly briefing)."""
    return sent_editions().filter(publishing_date__range=quarter_bounds(year, quarter)).count()


def newest_edition() -> Edition | None:
    """The newest sent edition (the front page), without the e-mail as sent (its HTML and text)."""
    return sent_editions().defer("html", "text").first()


def editions_of_month(year: int, month: int) -> QuerySet[Edition]:
    """Every edition of a month (the staff list), by day, with its item count."""
    return Edition.objects.filter(publishing_date__year=year, publishing_date__month=month).order_by("publishing_date")


# ---- the builder's candidate pool -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """Something staff may add to an edition: where it comes from, the section it goes to, what it says."""

    origin: str
    origin_id: int
    section: str
    title: str
    summary: str
    link: str
    source: str
    day: datetime.date | None
    image_url: str = ""
    image_alt: str = ""

    @property
    def key(self) -> str:
        return f"{self.origin}:{self.origin_id}"

    @property
    def section_label(self) -> str:
        return Section(self.section).label


def _feed_candidates(first_day: datetime.date, last_day: datetime.date) -> list[Candidate]:
    since = timezone.make_aware(datetime.datetime.combine(first_day, datetime.time()))
    items = FeedItem.objects.filter(fetched_at__gte=since).select_related("feed")[: CANDIDATES_PER_SOURCE * 2]
    return [
        Candidate(
            origin=EditionItem.Origin.FEED,
            origin_id=item.pk,
            section=item.feed.section,
            title=item.title,
            summary=item.summary,
            link=item.link,
            source=item.feed.name,
            day=timezone.localdate(item.published_at) if item.published_at else None,
        )
        for item in items
    ]


def _notice_candidates(first_day: datetime.date, last_day: datetime.date) -> list[Candidate]:
    """Notices published on /notice_board since `first_day` (calls, events, notices): the 사업공고·행사 안내
    section."""
    since = timezone.make_aware(datetime.datetime.combine(first_day, datetime.time()))
    posts = (
        Post.objects.filter(published_q(), board=Board.NOTICES, publish_at__gte=since)
        .exclude(category=Category.PROMOTION)
        .order_by("-publish_at")[:CANDIDATES_PER_SOURCE]
    )
    return [
        Candidate(
            origin=EditionItem.Origin.NOTICE,
            origin_id=post.pk,
            section=Section.CALLS,
            title=post.title,
            summary=plain_summary(post.body, limit=300),
            link=settings.SITE_URL + post.get_absolute_url(),
            source=str(Board.NOTICES.label),
            day=timezone.localdate(post.publish_at),
        )
        for post in posts
    ]


def _promotion_candidates(first_day: datetime.date, last_day: datetime.date) -> list[Candidate]:
    """Accepted partner agencies' promotions whose period overlaps the days: the 유관기관 홍보 section, each with
    its image (if any) as an absolute address of `/promotions/<id>/image`, public once the promotion is posted."""
    candidates = []
    for promotion in running_promotions(first_day, last_day)[:CANDIDATES_PER_SOURCE]:
        post = promotion.post
        link = settings.SITE_URL + post.get_absolute_url() if post and post.publish_at else promotion.link
        candidates.append(
            Candidate(
                origin=EditionItem.Origin.PROMOTION,
                origin_id=promotion.pk,
                section=Section.PROMOTION,
                title=promotion.title,
                summary=plain_summary(promotion.body, limit=300),
                link=link,
                source=promotion.agency.name,
                day=promotion.starts_on,
                # The checked image through its file route, by an absolute address (an e-mail has no site).
                image_url=settings.SITE_URL + reverse("info:promotion_image", args=[promotion.pk])
                if promotion.image
                else "",
                image_alt=promotion.image_alt or promotion.title if promotion.image else "",
            )
        )
    return candidates


def _report_candidates(first_day: datetime.date, last_day: datetime.date) -> list[Candidate]:
    """Reports posted to the archive since `first_day`: the edition links to the report's page on the site."""
    reports = Report.objects.filter(published=True, posted_on__gte=first_day).select_related("publisher")
    return [
        Candidate(
            origin=EditionItem.Origin.REPORT,
            origin_id=report.pk,
            section=Section.DOMESTIC,
            title=report.title,
            summary=report.summary,
            link=settings.SITE_URL + report.get_absolute_url(),
            source=report.publisher.name,
            day=report.posted_on,
        )
        for report in reports.order_by("-posted_on", "-id")[:CANDIDATES_PER_SOURCE]
    ]


# Each source gives its candidates of the days from `first_day` to the edition's day.
CANDIDATE_SOURCES = [_feed_candidates, _notice_candidates, _promotion_candidates, _report_candidates]


def candidate_pool(edition: Edition) -> list[Candidate]:
    """The candidates of the week before the edition's day (or today, for an edition built ahead) that are not
    in it yet: news feed items, notices published on /notice_board, accepted partner agencies' promotions whose
    period overlaps the week up to the edition's day, and reports posted to the archive."""
    first_day = min(edition.publishing_date, timezone.localdate()) - datetime.timedelta(days=CANDIDATE_DAYS)
    taken = set(edition.items.exclude(origin_id=None).values_list("origin", "origin_id"))
    pool = [candidate for source in CANDIDATE_SOURCES for candidate in source(first_day, edition.publishing_date)]
    return [c for c in pool if (c.origin, c.origin_id) not in taken]


def find_candidate(edition: Edition, key: str) -> Candidate | None:
    return next((candidate for candidate in candidate_pool(edition) if candidate.key == key), None)
