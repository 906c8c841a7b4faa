"""Benchmark: an edition of the newsletter to 10,000 subscribers through a local SMTP server (aiosmtpd), under
injected faults, with the sending worker killed mid-run.

`run()` creates 10,000 active subscribers and a scheduled edition, starts an aiosmtpd server on loopback that
- refuses 50 addresses for good (550 at RCPT),
- defers 50 addresses once (451 at DATA: accepted on the next attempt),
- drops the connection once at each of 5 addresses (nothing kept),
orders the edition (`send_edition`, the staff button's service) and sends it with `manage.py deliver_pending`
in a child process, which it kills (SIGKILL) once 3,000 e-mails have arrived. Then, as the platform would after
the claim lease and the back-off (time moved on in the database instead of waited for), it runs
`deliver_pending` again until nothing is due. It reports the time from the order to the last e-mail, and counts
the e-mails per recipient at the server: every address not refused must have exactly one, refused ones none.
It also reports the CPU seconds the workers used and the load average when it started: on a shared machine the
wall time mostly measures the wait for a CPU.
`NEWSLETTER_RATE_PER_MINUTE` (default 12,000 a minute) paces the sending as in production.

    python bench/run.py --only newsletter_delivery
"""

import collections
import datetime
import os
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from unittest import mock

TITLE = "newsletter: an edition to 10,000 recipients over local SMTP, faults and a killed worker"
CHECKS = {
    "total_seconds": ("<=", 120, "s"),
    "duplicates": ("<=", 0, ""),
    "missing": ("<=", 0, ""),
}
DATABASES = ("sqlite", "postgresql")
RECIPIENTS = int(os.environ.get("BENCH_NEWSLETTER_N", "10000"))
REFUSED, DEFERRED_ONCE, DROPPED_ONCE = 50, 50, 5
KILL_AFTER = 3_000
ROOT = Path(__file__).resolve().parent.parent


class Server:
    """aiosmtpd handler counting accepted e-mails per recipient, with the faults above."""

    def __init__(self, refused, deferred_once, dropped_once):
        self.received = collections.Counter()
        self.refused, self.deferred_once, self.dropped_once = set(refused), set(deferred_once), set(dropped_once)
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802  aiosmtpd's hook
        if address in self.refused:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802  aiosmtpd's hook
        with self.lock:
            for address in envelope.rcpt_tos:
                if address in self.deferred_once:
                    self.deferred_once.discard(address)
                    return "451 4.3.0 try again later"
                if address in self.dropped_once:
                    self.dropped_once.discard(address)
                    server.transport.close()
                    return "250 OK"  # never reaches the client
            self.received.update(envelope.rcpt_tos)
        return "250 OK"

    @property
    def total(self) -> int:
        return sum(self.received.values())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _subscribers() -> list[str]:
    from django.utils import timezone

    from alliance.core.links import unsent_token_hash
    from alliance.info.models import Subscriber

    now = timezone.now()
    emails = [f"reader{number:05d}@bench.example.kr" for number in range(RECIPIENTS)]
    Subscriber.objects.bulk_create(
        (
            Subscriber(
                email=email,
                state=Subscriber.State.ACTIVE,
                subscribed_at=now,
                link_issued_at=now,
                token_hash=unsent_token_hash(),
            )
            for email in emails
        ),
        batch_size=2000,
    )
    return emails


def _worker(env) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "deliver_pending"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _move_time_on() -> None:
    """What the lease and the back-off would bring after their wait: claims lapsed, deferred rows due."""
    from django.utils import timezone

    from alliance.core.models import DeliveryRecipient

    past = timezone.now() - datetime.timedelta(hours=1)
    rows = DeliveryRecipient.objects.filter(state__in=["queued", "deferred"])
    rows.filter(claimed_at__isnull=False).update(claimed_at=past)
    rows.filter(state="deferred").update(next_attempt_at=past)


def run() -> dict:
    from aiosmtpd.controller import Controller
    from django.utils import timezone

    from alliance.core.models import DeliveryRecipient
    from alliance.info.models import Edition
    from alliance.info.services.newsletter_delivery import send_edition

    emails = _subscribers()
    handler = Server(emails[:REFUSED], emails[REFUSED : REFUSED + DEFERRED_ONCE], emails[5000 : 5000 + DROPPED_ONCE])
    port = _free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    env = dict(
        os.environ,
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(port),
        EMAIL_USE_TLS="0",
        NEWSLETTER_RATE_PER_MINUTE=os.environ.get("NEWSLETTER_RATE_PER_MINUTE", "12000"),
    )
    edition = Edition.objects.create(
        publishing_date=timezone.localdate(),
        subject="메타버스 얼라이언스 뉴스레터 벤치",
        state=Edition.State.SCHEDULED,
        send_at=timezone.now(),
    )
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    # The order's own task would send in this process (the immediate backend): the killable worker sends instead.
    with mock.patch("alliance.core.delivery.ordering.enqueue_on_commit"):
        send_edition(actor=None, edition=edition)
    worker = _worker(env)
    while worker.poll() is None and handler.total < KILL_AFTER:
        time.sleep(0.05)
    killed_at = handler.total
    if worker.poll() is None:
        worker.send_signal(signal.SIGKILL)
    worker.wait()
    runs = 1
    while DeliveryRecipient.objects.filter(state__in=["queued", "deferred"]).exists() and runs < 20:
        _move_time_on()
        finished = _worker(env)
        finished.wait()
        runs += 1
    total_seconds = time.perf_counter() - started
    controller.stop()
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)

    expected = set(emails[REFUSED:])
    counts = handler.received
    rows = collections.Counter(DeliveryRecipient.objects.values_list("state", flat=True))
    return {
        "recipients": RECIPIENTS,
        "total_seconds": round(total_seconds, 1),
        "per_second": round(handler.total / total_seconds, 1),
        # CPU the sending workers used (user + system): what the run costs on an otherwise idle machine, whereas
        # total_seconds also holds the waits for a CPU that other processes share (load_average at the start).
        "worker_cpu_seconds": round(workers.ru_utime + workers.ru_stime, 1),
        "load_average": round(load_before, 1),
        "killed_after": killed_at,
        "worker_runs": runs,
        "received": handler.total,
        "duplicates": sum(1 for address in expected if counts[address] > 1),
        "missing": sum(1 for address in expected if counts[address] == 0),
        "refused_received": sum(counts[address] for address in emails[:REFUSED]),
        "rows": dict(rows),
    }
