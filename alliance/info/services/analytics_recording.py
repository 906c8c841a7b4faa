"""Recording page views on the server: which requests count, the visitor key of the day, and a small buffer
that writes the views in one INSERT after the answer has left.

Rule: a view is recorded for a GET answered 200 with an HTML page (not an htmx fragment) outside the excluded
prefixes (static files, health checks), for a visitor that is neither a crawler (ua-parser's Spider family or
`BOT_PATTERN`) nor staff. What is kept: the time, the page (a public page's path, any other page's route, never
a query string), the external referrer's host, the device class and the visitor key — BLAKE2b keyed with the
day's salt over the client's address and browser. The salt row of a day is deleted as soon as a later day's
salt exists, so nobody (the platform included) can link a key to an address or to another day's key.
Side effects: creates the day's `DailySalt` (and deletes earlier ones) on the first view of a day; buffers
views in the process and writes them with one bulk INSERT when `ANALYTICS_BUFFER_SIZE` are waiting or the
oldest waited `ANALYTICS_FLUSH_SECONDS`. Never raises: recording must not fail a request (errors are logged).
"""

import atexit
import datetime
import functools
import hashlib
import logging
import re
import secrets
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import ua_parser_rs  # noqa: F401  the compiled matcher behind ua_parser.regex: missing, start-up fails loudly
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from ua_parser import Cache, CachingResolver, Domain, Parser
from ua_parser.regex import Resolver as CompiledResolver
from ua_parser_builtins.matchers import MATCHERS  # the maintained patterns (uap-core), compiled in

from alliance.core.permissions import PUBLIC
from alliance.info.models import DailySalt, Device, PageView

logger = logging.getLogger(__name__)

# Crawlers ua-parser does not name "Spider", link previews, monitors, scripts and headless browsers.
BOT_PATTERN = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|scrap|fetch|monitor|uptime|pingdom|preview|curl/|wget/|python|httpx|aiohttp"
    r"|java/|go-http|okhttp|libwww|headless|lighthouse|phantomjs|selenium|puppeteer|playwright|facebookexternalhit"
    r"|whatsapp|yeti/|daumoa|axios|node-fetch|feed|validator|checker",
    re.IGNORECASE,
)
MAX_USER_AGENT = 512
MAX_PATH = 200
MAX_HOST = 100

_parser = Parser(CachingResolver(CompiledResolver(MATCHERS), Cache(4000)))


@functools.lru_cache(maxsize=4096)
def device_class(user_agent: str) -> str | None:
    """The device class of a browser (phone, tablet, desktop), or None for a crawler, script or empty agent."""
    if not user_agent.strip() or BOT_PATTERN.search(user_agent):
        return None
    parsed = _parser(user_agent, Domain.DEVICE | Domain.OS)
    family = parsed.device.family if parsed.device else "Other"
    if family == "Spider":
        return None
    os_family = parsed.os.family if parsed.os else "Other"
    lowered = user_agent.lower()
    if family == "iPad" or "tablet" in lowered or "kindle" in lowered or "silk/" in lowered:
        return Device.TABLET
    if os_family == "Android" and "mobile" not in lowered:
        return Device.TABLET  # Android tablets leave "Mobile" out of their agent
    if "mobi" in lowered or os_family in {"iOS", "Android"} or family in {"iPhone", "iPod"}:
        return Device.PHONE
    return Device.DESKTOP


def visitor_key(address: str, user_agent: str, salt: bytes) -> str:
    """The day's key of one visitor: a keyed hash; without the salt it cannot be recomputed from an address."""
    return hashlib.blake2b(f"{address}\n{user_agent}".encode(), key=salt, digest_size=16).hexdigest()


_salt_lock = threading.Lock()
_salt_of_day: tuple[datetime.date, bytes] | None = None


def salt_for(day: datetime.date) -> bytes:
    """The salt of `day` (made on its first view), shared by every process through its row; earlier days'
    salts are deleted the moment a later day's is read."""
    global _salt_of_day  # noqa: PLW0603  the one per-process copy of today's salt
    with _salt_lock:
        if _salt_of_day is not None and _salt_of_day[0] == day:
            return _salt_of_day[1]
        salt = _stored_salt(day)
        DailySalt.objects.filter(day__lt=day).delete()
        _salt_of_day = (day, salt)
        return salt


def forget_cached_salt() -> None:
    """Drop this process's copy of the salt (tests that move the clock; a salt deleted by hand)."""
    global _salt_of_day  # noqa: PLW0603
    with _salt_lock:
        _salt_of_day = None


def _stored_salt(day: datetime.date) -> bytes:
    row = DailySalt.objects.filter(day=day).first()
    if row is None:
        try:
            with transaction.atomic():
                row = DailySalt.objects.create(day=day, salt=secrets.token_bytes(32))
        except IntegrityError:  # another process made it at the same moment
            row = DailySalt.objects.get(day=day)
    return bytes(row.salt)


def page_of(request) -> str:
    """What a view is recorded under: a public page's own path (percent-decoded, no query string, no trailing
    slash), any other page's route (`/census/<token>`), so no token or identifier of a person is kept."""
    match = request.resolver_match
    if getattr(match.func, "required_permission", None) == PUBLIC:
        path = request.path_info
    else:
        path = "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"<\1>", match.route or "")
    path = path.rstrip("/") or "/"
    return path[:MAX_PATH]


def external_referrer(referer: str, own_host: str) -> str:
    """The referring site's host when it is another site, else empty."""
    try:
        host = (urlsplit(referer).hostname or "").lower()
    except ValueError:
        return ""
    own = own_host.split(":", maxsplit=1)[0].lower()
    if not host or host == own or host == urlsplit(settings.SITE_URL).hostname:
        return ""
    return host[:MAX_HOST]


def is_excluded_path(path: str) -> bool:
    return path.startswith(tuple(settings.ANALYTICS_EXCLUDED_PREFIXES))


@dataclass(slots=True)
class _Buffer:
    rows: list
    oldest: float = 0.0

    def add(self, view: PageView) -> None:
        if not self.rows:
            self.oldest = time.monotonic()
        self.rows.append(view)

    def due(self) -> bool:
        return bool(self.rows) and (
            len(self.rows) >= settings.ANALYTICS_BUFFER_SIZE
            or time.monotonic() - self.oldest >= settings.ANALYTICS_FLUSH_SECONDS
        )


_buffer = _Buffer(rows=[])
_buffer_lock = threading.Lock()
# Never more waiting than this, whatever happens to the database: the oldest are dropped first.
MAX_BUFFERED = 10_000


def record_view(*, moment: datetime.datetime, path: str, referrer_host: str, device: str, key: str) -> None:
    """Buffer one page view (written by `flush_if_due` or `flush`)."""
    with _buffer_lock:
        if len(_buffer.rows) >= MAX_BUFFERED:
            del _buffer.rows[: len(_buffer.rows) - MAX_BUFFERED + 1]
        _buffer.add(PageView(viewed_at=moment, path=path, referrer_host=referrer_host, device=device, visitor_key=key))


def observe(request, response) -> None:
    """Record `request` if it is a page view that counts (the module's rule). Never raises."""
    try:
        if not _counts(request, response):
            return
        device = device_class(request.META.get("HTTP_USER_AGENT", "")[:MAX_USER_AGENT])
        if device is None or _is_staff(request):
            return
        moment = timezone.now()
        user_agent = request.META.get("HTTP_USER_AGENT", "")[:MAX_USER_AGENT]
        key = visitor_key(request.META.get("REMOTE_ADDR", ""), user_agent, salt_for(timezone.localdate(moment)))
        record_view(
            moment=moment,
            path=page_of(request),
            referrer_host=external_referrer(request.META.get("HTTP_REFERER", ""), _own_host(request)),
            device=device,
            key=key,
        )
    except Exception:  # recording never fails a request
        logger.exception("page view not recorded")


def _counts(request, response) -> bool:
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and "HTTP_HX_REQUEST" not in request.META
        and getattr(request, "resolver_match", None) is not None
        and not is_excluded_path(request.path_info)
    )


def _own_host(request) -> str:
    return request.META.get("HTTP_HOST") or request.META.get("SERVER_NAME", "")


def _is_staff(request) -> bool:
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated and user.is_secretariat)


def flush() -> int:
    """Write every buffered view in one INSERT; returns how many. Never raises (a failed write is logged and
    its views dropped: recording must not pile up behind a broken database)."""
    with _buffer_lock:
        rows, _buffer.rows = _buffer.rows, []
    if not rows:
        return 0
    try:
        with transaction.atomic():
            PageView.objects.bulk_create(rows, batch_size=500)
    except Exception:
        logger.exception("%s page views not written", len(rows))
        return 0
    return len(rows)


def flush_if_due() -> int:
    with _buffer_lock:
        due = _buffer.due()
    return flush() if due else 0


def buffered_count() -> int:
    with _buffer_lock:
        return len(_buffer.rows)


atexit.register(flush)
