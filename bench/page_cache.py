"""Benchmark: public pages kept rendered for anonymous visitors (alliance/core/page_cache.py).

With 10,000 members in the registry (the demo's generator) and 10,000 players on the 2026 map (the members among
them), through Django's test client (no browser, no network): each page's first anonymous request after a change
(miss: rendered and stored) and the median of the next ones (hit: served from the cache, the CSRF token put back),
with the cache as configured (the file cache by default; CACHE_URL=redis://… to measure Redis).
`map_after_change_ms` is the map's first request after a placement changed (the landscape rebuilt, as on every
change); `map_version_ms` what a hit spends on the map's version (its stamp's queries), `map_page_kb` the page's
size.

    python bench/run.py --only page_cache
"""

import os
import statistics
import time

TITLE = "pages kept rendered: front page, directory, map"
CHECKS = {"map_hit_ms": ("<=", 100, "ms"), "directory_hit_ms": ("<=", 30, "ms"), "home_hit_ms": ("<=", 30, "ms")}
DATABASES = ("sqlite", "postgresql")
MEMBERS = int(os.environ.get("BENCH_N", "10000"))
PLAYERS = int(os.environ.get("BENCH_MAP_PLAYERS", "10000"))
HITS = 20


def _timed(client, url: str) -> tuple[float, str]:
    started = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        msg = f"GET {url} answered {response.status_code}"
        raise RuntimeError(msg)
    return elapsed, response.get("X-Page-Cache", "")


def _measure(client, url: str) -> tuple[float, float]:
    miss, state = _timed(client, url)
    assert state == "miss", (url, state)
    hits = [_timed(client, url) for _ in range(HITS)]
    assert {state for _elapsed, state in hits} == {"hit"}, url
    return miss, statistics.median(elapsed for elapsed, _state in hits)


def run() -> dict:
    from django.conf import settings
    from django.core.cache import cache
    from django.test import Client

    from alliance.ecosystem.models import Placement
    from alliance.ecosystem.views.map import landscape_page_version
    from bench.ecosystem_data import populate

    settings.PAGE_CACHE_SECONDS = 3600
    if "testserver" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    populate(players=PLAYERS, categories=300, year=2026, members=MEMBERS)  # the members are players too
    cache.clear()
    client = Client()
    client.get("/healthz")  # the first request of a process loads URLs and catalogues

    home_miss, home_hit = _measure(client, "/")
    directory_miss, directory_hit = _measure(client, "/member_companies")
    map_miss, map_hit = _measure(client, "/ecosystem/2026/")
    started = time.perf_counter()
    landscape_page_version(None, 2026)
    map_version_ms = (time.perf_counter() - started) * 1000
    map_page_kb = len(client.get("/ecosystem/2026/").content) / 1000
    placement = Placement.objects.filter(taxonomy__year=2026).order_by("pk").first()
    placement.save()  # a change: the stamp moves, the page is rendered again
    map_after_change, _state = _timed(client, "/ecosystem/2026/")
    return {
        "members": MEMBERS,
        "players": PLAYERS,
        "cache": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1],
        "home_miss_ms": round(home_miss, 1),
        "home_hit_ms": round(home_hit, 1),
        "directory_miss_ms": round(directory_miss, 1),
        "directory_hit_ms": round(directory_hit, 1),
        "map_miss_ms": round(map_miss, 1),
        "map_hit_ms": round(map_hit, 1),
        "map_after_change_ms": round(map_after_change, 1),
        "map_version_ms": round(map_version_ms, 1),
        "map_page_kb": round(map_page_kb),
    }
