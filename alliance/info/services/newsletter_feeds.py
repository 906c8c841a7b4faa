"""News feeds for the newsletter: staff subscribe to RSS/Atom feeds; the worker fetches them and stores their
items without duplicates.

Rule: an article is stored once. Two items are the same article when their addresses are equal once
normalised (`normalise_link`: tracking parameters, the fragment, default ports, `www.` and a trailing slash
removed, parameters sorted) or when their titles are near-identical (`title_key` folds width, case, spacing and
punctuation; `similar_titles` compares keys with `settings.NEWSLETTER_TITLE_SIMILARITY`). A fetch is bounded
(size, time, item count: settings) and goes through `alliance.core.safe_fetch`, which refuses private addresses.
"""

import datetime
import difflib
import re
import time
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import feedparser
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from alliance.core.korean import compact
from alliance.core.safe_fetch import FetchRefused, fetch
from alliance.info.models import FeedItem, NewsFeed

TRACKING_PARAMETERS = {"fbclid", "gclid", "dclid", "yclid", "msclkid", "igshid", "mc_cid", "mc_eid", "_ga", "ref_src"}
TRACKING_PREFIXES = ("utm_",)
RECENT_TITLES_DAYS = 14
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)
SUMMARY_LENGTH = 400


def normalise_link(url: str) -> str:
    """The address an article is known by: no tracking parameters, no fragment, lower-case host without
    `www.` and default port, no trailing slash, parameters sorted."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    default_port = {"http": 80, "https": 443}.get(parts.scheme.lower())
    netloc = host if parts.port in {None, default_port} else f"{host}:{parts.port}"
    query = sorted(
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.lower() not in TRACKING_PARAMETERS and not key.lower().startswith(TRACKING_PREFIXES)
    )
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(
        ("https" if parts.scheme.lower() in {"http", "https"} else parts.scheme, netloc, path, urlencode(query), "")
    )


def title_key(title: str) -> str:
    """A title with width, case, spacing and punctuation folded away (`[단독] "XR 기기" 확산` ≈ `[단독]XR기기 확산`)."""
    return _NOT_WORD.sub("", compact(title))[:300]


def similar_titles(first_key: str, second_key: str) -> bool:
    if not first_key or not second_key:
        return False
    if first_key == second_key:
        return True
    ratio = difflib.SequenceMatcher(None, first_key, second_key, autojunk=False).ratio()
    return ratio >= settings.NEWSLETTER_TITLE_SIMILARITY


def _published(entry) -> datetime.datetime | None:
    moment = entry.get("published_parsed") or entry.get("updated_parsed")
    if not moment:
        return None
    return datetime.datetime.fromtimestamp(time.mktime(moment) - time.timezone, tz=datetime.UTC)


def _summary(entry) -> str:
    text = " ".join(strip_tags(entry.get("summary", "")).split())
    return text if len(text) <= SUMMARY_LENGTH else text[: SUMMARY_LENGTH - 1] + "…"


def store_entries(*, feed: NewsFeed, entries: list[dict]) -> int:
    """Store the entries that are new articles (by normalised address and near-identical title); returns how
    many were stored. Rule: as in the module. Side effects: FeedItem rows."""
    since = timezone.now() - datetime.timedelta(days=RECENT_TITLES_DAYS)
    recent_keys = list(FeedItem.objects.filter(fetched_at__gte=since).values_list("title_key", flat=True))
    stored = 0
    for entry in entries:
        title = " ".join(str(entry.get("title", "")).split())[:300]
        link = str(entry.get("link", "")).strip()
        if not title or not link.startswith(("http://", "https://")) or len(link) > 1000:
            continue
        normalised, key = normalise_link(link), title_key(title)
        if FeedItem.objects.filter(normalised_link=normalised).exists():
            continue
        if any(similar_titles(key, known) for known in recent_keys):
            continue
        FeedItem.objects.create(
            feed=feed,
            title=title,
            title_key=key,
            link=link,
            normalised_link=normalised,
            summary=_summary(entry),
            published_at=_published(entry),
        )
        recent_keys.append(key)
        stored += 1
    return stored


def fetch_feed(*, feed_id: int) -> int:
    """The worker side: fetch one feed (bounded, public addresses only), parse it, store its new items and
    record when and how it went. Rule: as in the module. Side effects: FeedItem rows; the feed's
    last_fetched_at and last_error."""
    feed = NewsFeed.objects.get(pk=feed_id)
    try:
        answer = fetch(feed.url, max_bytes=settings.NEWSLETTER_FEED_MAX_BYTES, timeout=settings.NEWSLETTER_FEED_TIMEOUT)
    except FetchRefused as refusal:
        NewsFeed.objects.filter(pk=feed.pk).update(last_fetched_at=timezone.now(), last_error=str(refusal)[:300])
        return 0
    parsed = feedparser.parse(answer.body)
    if parsed.bozo and not parsed.entries:
        NewsFeed.objects.filter(pk=feed.pk).update(
            last_fetched_at=timezone.now(), last_error=_("The answer is not an RSS or Atom feed.")
        )
        return 0
    with transaction.atomic():
        stored = store_entries(feed=feed, entries=list(parsed.entries[: settings.NEWSLETTER_FEED_MAX_ITEMS]))
        NewsFeed.objects.filter(pk=feed.pk).update(last_fetched_at=timezone.now(), last_error="")
    return stored


def fetch_active_feeds() -> str:
    """The periodic job: every active feed fetched, one after the other (bounded each)."""
    stored = sum(fetch_feed(feed_id=pk) for pk in NewsFeed.objects.filter(active=True).values_list("pk", flat=True))
    return f"{stored} feed items stored"
