"""Benchmark: 200 people registering at once for 150 places (issue 14), and the event page's server time.

`run()` makes a published event with 150 places and its seminar programme, then starts 200 threads that
wait at a barrier and call the registration service together on the configured database (each thread its own
connection; PostgreSQL locks the event's row, SQLite serialises writers; on PostgreSQL at most
`max_connections` − 10 hold a connection at once, the rest queue for one, as behind a pool of workers).
It reports how many were confirmed
(must be ≤ 150, and exactly 150), how many wait, whether the waiting list is in the order of registering
(sequence numbers of the waiting all above those of the confirmed, no gaps or repeats), and the errors. Then it
times `/events/<id>/` through Django's test client (anonymous and a signed-in member).

    python bench/run.py --only events
"""

import statistics
import threading
import time

N_PEOPLE = 200
CAPACITY = 150
ROUNDS = 40
TITLE = "events: 200 registering at once for 150 places; the event page (server time)"
CHECKS = {
    "confirmed": ("<=", CAPACITY, ""),
    "confirmed_exactly": (">=", CAPACITY, ""),
    "waiting_in_order": (">=", 1, ""),
    "errors": ("<=", 0, ""),
    "event_page_p95_ms": ("<=", 200, "ms"),
}


def _event():
    import datetime

    from django.utils import timezone

    from alliance.events.models import Event, ProgrammeRow
    from alliance.events.tests.factories import EventFactory

    event = EventFactory(capacity=CAPACITY, date=timezone.localdate() + datetime.timedelta(days=10))
    ProgrammeRow.objects.bulk_create(
        ProgrammeRow(
            event=event, section="세미나", starts_at=datetime.time(14, n), ends_at=datetime.time(14, n + 1),
            content=f"발표 {n}", order=n,
        )
        for n in range(12)
    )  # fmt: skip
    return Event.objects.get(pk=event.pk)


def _connection_slots() -> int:
    """All 200 at once on SQLite; on PostgreSQL as many as `max_connections` leaves (minus a margin for the
    server's own and this process's main connection): beyond it the server refuses new connections."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return N_PEOPLE
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_connections")
        allowed = int(cursor.fetchone()[0])
    return max(1, min(N_PEOPLE, allowed - 10))


def _register_all(event) -> tuple[list, float]:
    from django.db import connections

    from alliance.events.services.registration import register

    if connections["default"].vendor == "sqlite":
        # SQLite takes one writer at a time: the others wait for the lock instead of failing after 5 s.
        connections.settings["default"].setdefault("OPTIONS", {})["timeout"] = 120
    slots = threading.BoundedSemaphore(_connection_slots())
    barrier = threading.Barrier(N_PEOPLE)
    errors = []

    def one(n: int) -> None:
        barrier.wait()
        with slots:  # as many connections at once as the server takes (a deployment's pool of workers)
            try:
                register(event=event, name=f"참가자{n}", email=f"bench{n}@example.kr", source="public", consented=True)
            except Exception as error:  # noqa: BLE001  counted and reported
                errors.append(repr(error))
            finally:
                connections.close_all()

    threads = [threading.Thread(target=one, args=(n,)) for n in range(N_PEOPLE)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors, time.perf_counter() - started


def _page_times(event) -> list[float]:
    from django.test import Client

    from alliance.core.roles import Role
    from alliance.core.tests.factories import UserFactory
    from alliance.members.tests.factories import OrganisationFactory

    anonymous, member = Client(), Client()
    member.force_login(UserFactory(role=Role.MEMBER_REP, organisation=OrganisationFactory()))
    url = event.get_absolute_url()
    times = []
    for client in (anonymous, member):
        client.get(url)  # warm
        for _ in range(ROUNDS):
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
    return times


def run() -> dict:
    from django.conf import settings

    from alliance.events.models import Registration

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    event = _event()
    errors, seconds = _register_all(event)
    rows = list(Registration.objects.filter(event=event).order_by("sequence").values_list("sequence", "status"))
    confirmed = [sequence for sequence, status in rows if status == "confirmed"]
    waiting = [sequence for sequence, status in rows if status == "waiting"]
    in_order = [sequence for sequence, _status in rows] == list(range(1, len(rows) + 1)) and (
        not waiting or not confirmed or min(waiting) > max(confirmed)
    )
    times = _page_times(event)
    return {
        "concurrent_connections": _connection_slots(),
        "registered": len(rows),
        "confirmed": len(confirmed),
        "confirmed_exactly": len(confirmed),
        "waiting": len(waiting),
        "waiting_in_order": int(in_order),
        "errors": len(errors),
        "first_error": errors[0] if errors else "",
        "registration_seconds": round(seconds, 2),
        "event_page_p50_ms": round(statistics.median(times), 1),
        "event_page_p95_ms": round(statistics.quantiles(times, n=20)[-1], 1),
    }
