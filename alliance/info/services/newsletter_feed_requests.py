"""Staff's side of the news feeds: subscribing, changing, fetching now (the request side; the worker side is
newsletter_feeds.py, which the `fetch_news_feed` task calls)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit
from alliance.core.tasks import enqueue_on_commit
from alliance.core.versions import bump_version, check_version
from alliance.info.models import NewsFeed
from alliance.info.tasks import fetch_news_feed


def _check_url(url: str, *, exclude: int | None = None) -> None:
    if not url.startswith(("http://", "https://")):
        raise ValidationError({"url": _("Write the feed's address starting with http:// or https://.")})
    if NewsFeed.objects.filter(url=url).exclude(pk=exclude).exists():
        raise ValidationError({"url": _("This feed is already subscribed.")})


def subscribe_feed(*, actor, name: str, url: str, section: str) -> NewsFeed:
    """Rule: one subscription per address. Side effects: the feed row, its audit entry and its first fetch
    queued."""
    _check_url(url)
    with transaction.atomic():
        feed = NewsFeed.objects.create(name=name.strip(), url=url, section=section)
        record_audit(actor=actor, action="info.feed_subscribed", target=feed, after={"name": feed.name, "url": url})
        enqueue_on_commit(fetch_news_feed, feed_id=feed.pk)
    return feed


def update_feed(
    *, actor, feed: NewsFeed, name: str, url: str, section: str, active: bool, expected_version: int | None = None
) -> NewsFeed:
    """Rule: one subscription per address; refused with core.versions.StaleEditError, nothing written, when the
    feed was changed since `expected_version` (its form's). Side effects: the feed row and its version, its
    audit entry."""
    _check_url(url, exclude=feed.pk)
    with transaction.atomic():
        check_version(feed, expected_version)
        before = {"name": feed.name, "url": feed.url, "section": feed.section, "active": feed.active}
        feed.name, feed.url, feed.section, feed.active = name.strip(), url, section, active
        bump_version(feed)
        feed.save()
        after = {"name": feed.name, "url": feed.url, "section": feed.section, "active": feed.active}
        record_audit(actor=actor, action="info.feed_changed", target=feed, before=before, after=after)
    return feed


def request_fetch(*, actor, feed: NewsFeed) -> None:
    """Rule: staff may fetch a feed now. Side effects: an audit entry; the fetch task queued."""
    record_audit(actor=actor, action="info.feed_fetch_requested", target=feed)
    enqueue_on_commit(fetch_news_feed, feed_id=feed.pk)
