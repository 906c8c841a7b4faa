"""Public pages that many anonymous visitors read, kept rendered in the cache until their data changes.

Rule: `@cached_for_anonymous(version)` on a public view keeps its rendered answer in the cache (`CACHES`: shared
by every process, and by every machine on Redis), keyed by the path, the page's language, the release and
`version(request, *args, **kwargs)`: a short string the app computes cheaply that changes whenever the page's
data does (the members registry's version and the day; the map's stamp). A change therefore shows on the very
next request, with no expiry to wait for; entries of old versions are left to expire (`PAGE_CACHE_SECONDS`).
The release (a hash of the code, templates, compiled catalogues and static manifest, computed once per process)
keeps an upgraded server from serving pages rendered by the old code.

Only what every anonymous visitor would get alike is cached or served from the cache: a GET without query
string, not an htmx partial, no logged-in user, no session or messages cookie (a pending message is personal),
an answer 200 that sets no cookie. The CSRF token a page carries (htmx's header, the language form) is the
visitor's own: the stored copy holds a placeholder, replaced by a token for this visitor on the way out.
Middleware still runs on every answer (rate limits, analytics, particles, compression). `X-Page-Cache: hit` or
`miss` says which it was. `PAGE_CACHE_SECONDS=0` turns it off.
"""

import functools
import hashlib
import re
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token

PLACEHOLDER = b"__page-cache-csrf-token__"
_TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{32,64})"')
_release: str | None = None


def release() -> str:
    """A fingerprint of what renders pages (code, templates, catalogues, static manifest), once per process."""
    global _release  # noqa: PLW0603  computed once per process: the code of a running process does not change
    if _release is None:
        digest = hashlib.sha256()
        base = Path(settings.BASE_DIR)
        code = [path for suffix in ("*.py", "*.html") for path in (base / "alliance").rglob(suffix)]
        files = [path for path in code if "tests" not in path.parts] + list((base / "locale").rglob("*.mo"))
        manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
        for path in sorted([*files, manifest] if manifest.exists() else files):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
        _release = digest.hexdigest()[:16]
    return _release


def _cacheable_request(request) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and not request.GET
        and not request.headers.get("HX-Request")
        and not request.user.is_authenticated
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def _key(request, version: str) -> str:
    parts = f"{release()}\n{request.get_full_path()}\n{request.LANGUAGE_CODE}\n{version}"
    return "page-cache:" + hashlib.sha256(parts.encode()).hexdigest()


def _stored(response) -> dict | None:
    if response.status_code != 200 or response.streaming or response.cookies:
        return None
    content = response.content
    token = _TOKEN.search(content)
    if token:
        content = content.replace(token.group(1), PLACEHOLDER)
    return {"content": content, "headers": list(response.items())}


def _answer(request, stored: dict) -> HttpResponse:
    content = stored["content"]
    if PLACEHOLDER in content:
        content = content.replace(PLACEHOLDER, get_token(request).encode())
    response = HttpResponse(content)
    for name, value in stored["headers"]:
        response[name] = value
    response["X-Page-Cache"] = "hit"
    return response


def cached_for_anonymous(version: Callable[..., str]):
    """Serve the view's page to anonymous visitors from the cache while `version` stays the same (module rule)."""

    def decorator(view):
        @functools.wraps(view)
        def cached(request, *args, **kwargs):
            if not _cacheable_request(request):
                return view(request, *args, **kwargs)
            key = _key(request, version(request, *args, **kwargs))
            stored = cache.get(key)
            if stored is not None:
                return _answer(request, stored)
            response = view(request, *args, **kwargs)
            if (entry := _stored(response)) is not None:
                cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
                response["X-Page-Cache"] = "miss"
            return response

        return cached

    return decorator
