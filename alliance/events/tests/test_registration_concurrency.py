"""Many people registering at once for the last places: never more confirmed than the capacity, the rest
waiting in the order they registered (PostgreSQL: the event's row lock between connections)."""

import threading

import pytest
from django.db import connection, connections

from alliance.events.models import Registration
from alliance.events.services.registration import cancel, register
from alliance.events.tests.factories import EventFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks between connections need PostgreSQL"),
]


def _at_once(count, action):
    barrier = threading.Barrier(count)
    crashed = []

    def one(n):
        try:
            barrier.wait()
            action(n)
        except Exception as error:  # noqa: BLE001  collected and asserted below
            crashed.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=one, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return crashed


def test_twenty_at_once_for_eight_places():
    event = EventFactory(capacity=8)
    crashed = _at_once(
        20, lambda n: register(event=event, name=f"p{n}", email=f"p{n}@example.kr", source="public", consented=True)
    )
    rows = list(Registration.objects.filter(event=event).order_by("sequence"))
    assert crashed == []
    assert [r.sequence for r in rows] == list(range(1, 21))
    assert [r.status for r in rows] == ["confirmed"] * 8 + ["waiting"] * 12


def test_cancellations_at_once_promote_each_waiter_once():
    event = EventFactory(capacity=4)
    people = [
        register(event=event, name=f"p{n}", email=f"p{n}@example.kr", source="public", consented=True)
        for n in range(10)
    ]
    crashed = _at_once(4, lambda n: cancel(registration=people[n]))
    statuses = list(Registration.objects.filter(event=event).order_by("sequence").values_list("status", flat=True))
    assert crashed == []
    assert statuses == ["cancelled"] * 4 + ["confirmed"] * 4 + ["waiting"] * 2
