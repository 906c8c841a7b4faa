"""Rate limits: at most N requests per client address in a window, per kind of page, answered 429 in Korean.

`@rate_limited("search")` on a view counts the client's requests in the cache (so every process of a machine,
and every machine once CACHE_URL names Redis, shares one count) and answers the page `core/rate_limited.html`
with status 429 and `Retry-After` once the client went over `RATE_LIMITS[kind]` requests in the current window
of `RATE_LIMIT_WINDOW_SECONDS`. Kinds: login (POSTs only: showing the form is free), personal-link pages (every
`@personal_link` view, the password-reset link included), public search and the JSON API. A limit of 0 is off.
Asking for a password-reset e-mail has its own limits, per e-mail address and per client
(alliance/core/password_reset.py), answered 429 on its own page.

The window is fixed (it starts on a multiple of its length), which lets a client make up to twice the limit
around a window's edge; enough against guessing tokens or scraping, and one cache increment per request.
A cache that does not answer lets every request through (logged): the limits guard against abuse, and an
outage of Redis must not close the login page.
Not a library: django-ratelimit (the maintained one) was last released in 2023 and answers 403 by default; this
is the one counter the platform needs, in the shape of the other core mechanisms.
"""

import hashlib
import logging
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

ALL_METHODS = None
logger = logging.getLogger(__name__)


def _counter_key(kind: str, address: str, window: int) -> str:
    # The address is hashed: the cache (a shared Redis) keeps no client addresses.
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"ratelimit:{kind}:{window}:{digest}"


def count_in_window(key: str, *, timeout: int) -> int | None:
    """One more request under `key`, counted in the cache for `timeout` seconds; the count including this one,
    or None when the cache does not answer (Redis down): a limit must not take its page down with the cache.
    The one counter of the project's limits (the rate limits here, the password reset's)."""
    try:
        # add() starts the count only if no process did; incr() is atomic on Redis and close to it on the file
        # cache.
        cache.add(key, 0, timeout=timeout)
        try:
            return cache.incr(key)
        except ValueError:  # the window expired between add() and incr()
            cache.add(key, 1, timeout=timeout)
            return 1
    except Exception:  # any cache backend's connection error; logged, the request is let through
        logger.warning("Could not count a request under %s", key.split(":", 2)[:2], exc_info=True)
        return None


def over_limit(kind: str, address: str) -> int:
    """Counts one request of `address` for `kind`; the seconds to wait when it is over the limit, else 0."""
    limit = settings.RATE_LIMITS.get(kind, 0)
    if not limit:
        return 0
    length = settings.RATE_LIMIT_WINDOW_SECONDS
    now = time.time()
    window = int(now // length)
    key = _counter_key(kind, address, window)
    count = count_in_window(key, timeout=length + 1)
    if count is None or count <= limit:
        return 0
    return max(1, int((window + 1) * length - now))


def too_many_requests(request, retry_after: int):
    response = render(request, "core/rate_limited.html", {"retry_minutes": max(1, -(-retry_after // 60))}, status=429)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


def rate_limited(kind: str, *, methods: tuple[str, ...] | None = ALL_METHODS):
    """Limits the requests (of `methods`, or all) a client address makes to the view (see the module)."""

    def decorator(view):
        @wraps(view)
        def limited(request, *args, **kwargs):
            if methods is None or request.method in methods:
                retry_after = over_limit(kind, request.META.get("REMOTE_ADDR", ""))
                if retry_after:
                    return too_many_requests(request, retry_after)
            return view(request, *args, **kwargs)

        return limited

    return decorator
