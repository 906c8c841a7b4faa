"""Two workers sending one delivery at once (PostgreSQL: real concurrent connections): every recipient gets
exactly one e-mail, whichever worker claimed it."""

import threading

import pytest
from django.db import connection, connections

from alliance.core.delivery import sending
from alliance.core.delivery.ordering import Addressee, order_delivery
from alliance.core.models import DeliveryRecipient
from alliance.core.tests import mailing_fixture
from alliance.core.tests.mailing_fixture import KIND

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent connections need PostgreSQL"),
]


def run_together(jobs) -> list:
    """Run `jobs` in threads released at once (each its own database connection); the errors they raised."""
    barrier = threading.Barrier(len(jobs))
    errors = []

    def run(job):
        try:
            barrier.wait()
            job()
        except Exception as error:  # noqa: BLE001  collected and asserted by the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_two_workers_never_send_the_same_e_mail(settings, staff_user, smtp_server):
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], mailing_fixture.TEMPLATES]}
    ]
    # Ordering queues its run on a backend that keeps it: the two workers below are the only senders.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    addressees = [Addressee(email=f"rep{n:02}@member.example.kr") for n in range(30)]
    delivery = order_delivery(actor=staff_user, kind=KIND, target=staff_user, addressees=addressees)
    runs = []

    def worker():
        runs.append(sending.send_delivery_run(delivery_id=delivery.pk, batch_size=3))

    errors = run_together([worker, worker])

    received = sorted(message.envelope_recipients[0] for message in smtp_server.messages)
    assert (errors, received) == ([], [addressee.email for addressee in addressees])
    assert (len(runs), sum(run.sent for run in runs)) == (2, 30)
    assert set(DeliveryRecipient.objects.values_list("state", flat=True)) == {DeliveryRecipient.State.SENT}
