"""Benchmark: homepage analytics — what recording adds to a request, and the visits report over 10 million
recorded page views.

Recording: OBSERVED requests through the middleware's own step (`observe`, then `flush_if_due` as
`request_finished` runs it), each a public page answered 200 with HTML, from 2,000 visitors on 300 browsers
(a tenth of them crawlers), with the production buffer (ANALYTICS_BUFFER_SIZE views per INSERT). The figures
are per request: p50/p95/p99 of the time added, the mean, and the mean of the requests that wrote the buffer.

Report: BENCH_N (default 10,000,000) page views of 2025 written straight into the table (SQLite executemany,
PostgreSQL COPY), counted into daily totals by the service the hourly job runs (timed too: a one-off here, an
hour's views in production), then `visits_report(2025)` and the staff page's reads, median of ROUNDS.

    python bench/run.py --only analytics [--n 1000000]
"""

import datetime
import os
import random
import statistics
import time

TITLE = "analytics: recording overhead per request; visits report over 10M recorded views"
CHECKS = {
    "record_p95_ms": ("<=", 1, "ms"),
    "report_ms": ("<=", 1000, "ms"),
    "page_reads_ms": ("<=", 1000, "ms"),
}
DATABASES = ("sqlite", "postgresql")
OBSERVED = 20_000
ROUNDS = 5
YEAR = 2025
CHUNK = 100_000


def _agents(rng) -> list[str]:
    agents = []
    for number in range(300):
        if number % 10 == 0:
            agents.append(f"Mozilla/5.0 (compatible; ExampleBot/{number}.0; +https://example.com/bot)")
        elif number % 3 == 0:
            agents.append(
                f"Mozilla/5.0 (Linux; Android 14; SM-S9{number:02d}N) AppleWebKit/537.36 (KHTML, like Gecko) "
                f"Chrome/131.0.{number}.0 Mobile Safari/537.36"
            )
        else:
            agents.append(
                f"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                f"Chrome/131.0.{number}.{rng.randint(0, 99)} Safari/537.36"
            )
    return agents


def _recording() -> dict:
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse
    from django.test import RequestFactory
    from django.urls import resolve

    from alliance.info.models import PageView
    from alliance.info.services import analytics_recording

    rng = random.Random(13)
    agents, factory = _agents(rng), RequestFactory()
    paths = ["/member_companies", "/", "/member_companies/주식회사 젭", "/member_companies/뉴토"]
    requests = []
    for number in range(OBSERVED):
        path = paths[number % len(paths)]
        request = factory.get(
            path + "?q=x",
            HTTP_USER_AGENT=rng.choice(agents),
            HTTP_REFERER=rng.choice(["", "https://search.naver.com/search.naver?query=x", "http://testserver/"]),
            REMOTE_ADDR=f"203.0.{number % 2000 // 250}.{number % 250}",
        )
        request.resolver_match, request.user = resolve(path), AnonymousUser()
        requests.append(request)
    response = HttpResponse("<html></html>", content_type="text/html; charset=utf-8")
    analytics_recording.salt_for(datetime.date.today())  # noqa: DTZ011  warm: the day's first view reads it
    timings, flushing = [], []
    for request in requests:
        started = time.perf_counter()
        analytics_recording.observe(request, response)
        wrote = analytics_recording.flush_if_due()
        elapsed = (time.perf_counter() - started) * 1000
        timings.append(elapsed)
        if wrote:
            flushing.append(elapsed)
    analytics_recording.flush()
    timings.sort()
    return {
        "record_p50_ms": round(timings[len(timings) // 2], 4),
        "record_p95_ms": round(timings[int(len(timings) * 0.95)], 4),
        "record_p99_ms": round(timings[int(len(timings) * 0.99)], 4),
        "record_mean_ms": round(statistics.fmean(timings), 4),
        "record_flush_mean_ms": round(statistics.fmean(flushing), 3) if flushing else 0,
        "recorded_views": PageView.objects.count(),
    }


def _rows(count: int, rng):
    """(viewed_at UTC, path, referrer, device, key) tuples spread over YEAR, visits of 1–5 views."""
    start = datetime.datetime(YEAR, 1, 1, tzinfo=datetime.UTC) - datetime.timedelta(hours=9)
    seconds = 365 * 24 * 3600
    pages = [f"/page/{number}" for number in range(60)] + ["/member_companies"] * 40 + ["/"] * 10
    referrers = [""] * 6 + ["search.naver.com", "www.google.com", "www.daum.net"]
    devices = ["desktop", "desktop", "phone", "tablet"]
    made = 0
    while made < count:
        key = f"{rng.getrandbits(128):032x}"
        moment = start + datetime.timedelta(seconds=rng.randrange(seconds))
        for _ in range(min(rng.randint(1, 5), count - made)):
            yield moment, rng.choice(pages), rng.choice(referrers), rng.choice(devices), key
            moment += datetime.timedelta(seconds=rng.choice([30, 90, 600, 2400]))
            made += 1


def _load(count: int) -> float:
    from django.db import connection, transaction

    rng = random.Random(7)
    started = time.perf_counter()
    rows = _rows(count, rng)
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            columns = "viewed_at, path, referrer_host, device, visitor_key"
            with cursor.cursor.copy(f"COPY info_pageview ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            sql = (
                "INSERT INTO info_pageview (viewed_at, path, referrer_host, device, visitor_key) VALUES (?, ?, ?, ?, ?)"
            )
            raw = cursor.cursor
            while True:
                chunk = [
                    (moment.strftime("%Y-%m-%d %H:%M:%S"), path, referrer, device, key)
                    for moment, path, referrer, device, key in _take(rows, CHUNK)
                ]
                if not chunk:
                    break
                raw.executemany(sql, chunk)
    return time.perf_counter() - started


def _take(iterator, size):
    for _, item in zip(range(size), iterator, strict=False):
        yield item


def _median_ms(action) -> float:
    timings = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(timings), 1)


def run() -> dict:
    from django.conf import settings

    from alliance.info.models import CountKind, PageView
    from alliance.info.queries import analytics as queries
    from alliance.info.services.analytics_visits import count_recorded_days

    settings.ANALYTICS_RAW_DAYS = 100_000  # keep the generated views: the bench counts them, nothing expires
    figures = _recording()
    PageView.objects.all().delete()
    count = int(os.environ.get("BENCH_N", "10000000"))
    figures["views_generated"] = count
    figures["load_seconds"] = round(_load(count), 1)
    started = time.perf_counter()
    count_recorded_days(today=datetime.date(YEAR + 1, 1, 1))
    figures["count_seconds"] = round(time.perf_counter() - started, 1)
    report = queries.visits_report(YEAR)
    figures["visits_counted"] = report["total"]
    figures["report_ms"] = _median_ms(lambda: queries.visits_report(YEAR))

    def page_reads():
        years = queries.years_with_visits()
        queries.monthly_table(years)
        for kind in CountKind.values:
            queries.counted(kind, YEAR, limit=20)

    figures["page_reads_ms"] = _median_ms(page_reads)
    return figures
