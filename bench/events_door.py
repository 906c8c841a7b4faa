"""Benchmark: check-in of one ticket at the door ≤ 100 ms server time with ten years of events (issue 14).

`run()` writes ten years of events (EVENTS_PER_YEAR a year, REGISTRATIONS each: confirmed, waiting, cancelled,
every kind of organisation) with their tickets, then times through Django's test client, signed in as staff,
what the door does for one guest: the scan's POST (a first check-in, the same ticket again, another event's
ticket, a guessed token), the counter the page polls, and a name search.

    python bench/run.py --only events_door
"""

import datetime
import os
import secrets
import statistics
import time

YEARS = 10
EVENTS_PER_YEAR = int(os.environ.get("BENCH_EVENTS_PER_YEAR", "20"))
REGISTRATIONS = int(os.environ.get("BENCH_EVENT_REGISTRATIONS", "200"))
SCANS = 100
TITLE = f"events: check-in at the door, {YEARS} years of events (server time)"
CHECKS = {"check_in_p95_ms": ("<=", 100, "ms"), "counter_p95_ms": ("<=", 100, "ms")}


def populate() -> tuple[list, dict]:
    """The events, their registrations, and the tokens of the newest event's confirmed tickets."""
    from django.utils import timezone

    from alliance.core.links import hash_token
    from alliance.events.models import Event, EventKind, OrganisationType, Registration

    today = timezone.localdate()
    events = Event.objects.bulk_create(
        Event(
            title=f"{today.year - year}년 행사 {number:02d}",
            kind=EventKind.values[number % len(EventKind.values)],
            date=today - datetime.timedelta(days=365 * year + number * 15),
            starts_at=datetime.time(14, 0),
            ends_at=datetime.time(17, 0),
            published=True,
        )
        for year in range(YEARS)
        for number in range(EVENTS_PER_YEAR)
    )
    statuses = [Registration.Status.CONFIRMED] * 8 + [Registration.Status.WAITING, Registration.Status.CANCELLED]
    kinds = OrganisationType.values
    tokens: dict[int, list[str]] = {}
    now = timezone.now()
    for event in events:
        rows = []
        for number in range(REGISTRATIONS):
            token = secrets.token_urlsafe(32)
            status = statuses[number % len(statuses)]
            if status == Registration.Status.CONFIRMED:
                tokens.setdefault(event.pk, []).append(token)
            rows.append(
                Registration(
                    event=event,
                    name=f"참석자{number:04d}",
                    email=f"guest{number}@e{event.pk}.example.kr",
                    organisation_name=f"회사{number % 97:02d}",
                    organisation_type=kinds[number % len(kinds)],
                    status=status,
                    sequence=number + 1,
                    token_hash=hash_token(token),
                    sent_at=now,
                    expires_at=now + datetime.timedelta(days=30),
                    checked_in_at=now if event.date < today and number % 3 else None,
                )
            )
        Registration.objects.bulk_create(rows, batch_size=1000)
    return events, tokens


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))], 1)


def run() -> dict:
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from alliance.core.roles import Role
    from alliance.core.services.accounts import set_roles

    started = time.perf_counter()
    events, tokens = populate()
    populate_seconds = time.perf_counter() - started
    if "testserver" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    staff = get_user_model().objects.create_user(email="door@bench.example.kr", name="사무국", password=None)
    set_roles(user=staff, roles=[Role.STAFF], by=None)
    client = Client()
    client.force_login(staff)
    event, other = events[0], events[1]
    scan = reverse("events:check_in_scan", args=[event.pk])
    counter = reverse("events:arrival_counter", args=[event.pk])
    search = reverse("events:guest_search", args=[event.pk])
    client.get(counter)  # warm-up: connections, templates
    client.post(scan, {"ticket": secrets.token_urlsafe(32)})

    timings: dict[str, list[float]] = {"first": [], "again": [], "other event": [], "guessed": []}
    counter_ms, search_ms = [], []

    def timed(kind: str, ticket: str) -> None:
        begin = time.perf_counter()
        response = client.post(scan, {"ticket": f"https://alliance.example.kr/events/ticket/{ticket}/"})
        timings[kind].append((time.perf_counter() - begin) * 1000)
        if response.status_code != 200:
            msg = f"check-in answered {response.status_code}"
            raise RuntimeError(msg)

    for ticket in tokens[event.pk][:SCANS]:
        timed("first", ticket)
        timed("again", ticket)
    for ticket in tokens[other.pk][: SCANS // 4]:
        timed("other event", ticket)
        timed("guessed", secrets.token_urlsafe(32))
    for number in range(SCANS // 4):
        begin = time.perf_counter()
        client.get(counter)
        counter_ms.append((time.perf_counter() - begin) * 1000)
        begin = time.perf_counter()
        client.get(search, {"q": f"참석자{number:02d}"})
        search_ms.append((time.perf_counter() - begin) * 1000)
    check_ins = [value for values in timings.values() for value in values]
    return {
        "events": len(events),
        "registrations": len(events) * REGISTRATIONS,
        "check_ins_timed": len(check_ins),
        "check_in_p50_ms": round(statistics.median(check_ins), 1),
        "check_in_p95_ms": _p95(check_ins),
        "check_in_max_ms": round(max(check_ins), 1),
        "by_kind_p50_ms": {kind: round(statistics.median(values), 1) for kind, values in timings.items()},
        "counter_p95_ms": _p95(counter_ms),
        "search_p95_ms": _p95(search_ms),
        "populate_seconds": round(populate_seconds, 1),
    }
