"""The worker's side of a delivery: claim a batch, send it over one SMTP connection, record each answer.

See `ordering` for the rules. A run that stops in the middle (the process killed) leaves its claims; they
lapse after CLAIM_LEASE and the next run sends those rows, and only those: every row is recorded as sent the
moment the mail server accepts it, and a row is claimed again (its claim renewed) right before its e-mail goes
out, so a row whose claim lapsed and was taken by another run is skipped.
"""

import contextlib
import datetime
import smtplib
import time
import uuid
from dataclasses import dataclass

from django.core.mail import get_connection
from django.db.models import Min, Q
from django.utils import timezone

from alliance.core.audit import record_audit
from alliance.core.delivery.progress import CLAIM_LEASE
from alliance.core.delivery.registry import mailing
from alliance.core.models import Delivery, DeliveryRecipient

State = DeliveryRecipient.State
# Waits before the 1st, 2nd ... retry of a temporary failure; after the last, the row fails for good.
BACKOFF = (
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=15),
    datetime.timedelta(hours=1),
    datetime.timedelta(hours=3),
    datetime.timedelta(hours=6),
    datetime.timedelta(hours=12),
)


class ConnectionLost(Exception):  # noqa: N818  a state of the mail server, not an error in the program
    """The mail server dropped the connection or could not be reached: the run stops and retries later.
    `outcome` is what became of the row being sent then ("deferred", "failed" or "" for none)."""

    def __init__(self, reason: str, outcome: str = ""):
        super().__init__(reason)
        self.outcome = outcome


@dataclass
class RunCounts:
    sent: int = 0
    failed: int = 0
    deferred: int = 0
    withdrawn: int = 0
    batches: int = 0
    stopped: str = ""  # the reason a run stopped early (the mail server's state)
    retry_at: datetime.datetime | None = None  # the earliest next attempt of a deferred row, if any


def _claimable(delivery: Delivery, now: datetime.datetime):
    free = Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_LEASE)
    due = Q(state=State.QUEUED) | Q(state=State.DEFERRED, next_attempt_at__lte=now)
    return DeliveryRecipient.objects.filter(delivery=delivery).filter(due, free)


def _claim_batch(delivery: Delivery, size: int) -> tuple[str, list[DeliveryRecipient]]:
    now = timezone.now()
    # Fewest attempts first: rows a server outage deferred again and again do not starve the others.
    candidates = list(_claimable(delivery, now).order_by("attempts", "pk").values_list("pk", flat=True)[:size])
    token = uuid.uuid4().hex
    # Conditional: a row another run claimed in between no longer matches and is not taken.
    _claimable(delivery, now).filter(pk__in=candidates).update(claimed_by=token, claimed_at=now)
    return token, list(DeliveryRecipient.objects.filter(claimed_by=token).order_by("attempts", "pk"))


def _renew(row: DeliveryRecipient, token: str) -> bool:
    """Renew the row's claim right before its e-mail goes out; False when another run took it meanwhile."""
    return bool(DeliveryRecipient.objects.filter(pk=row.pk, claimed_by=token).update(claimed_at=timezone.now()))


def _record(row: DeliveryRecipient, token: str, **values) -> None:
    DeliveryRecipient.objects.filter(pk=row.pk, claimed_by=token).update(claimed_by="", claimed_at=None, **values)


def _defer(row: DeliveryRecipient, token: str, answer: str) -> str:
    """Defer the row after a temporary failure, or fail it once every retry has been used."""
    attempts = row.attempts + 1
    if attempts > len(BACKOFF):
        _record(row, token, state=State.FAILED, attempts=attempts, answer=answer[:200], next_attempt_at=None)
        return "failed"
    retry_at = timezone.now() + BACKOFF[attempts - 1]
    _record(row, token, state=State.DEFERRED, attempts=attempts, answer=answer[:200], next_attempt_at=retry_at)
    return "deferred"


def _answer(code: int, text) -> str:
    text = text.decode(errors="replace") if isinstance(text, bytes) else str(text)
    return f"{code} {text}"


def _send_one(kind, row: DeliveryRecipient, token: str, message, connection) -> str:
    """Send one row's e-mail and record the server's answer; raises ConnectionLost when the connection is gone."""
    message.connection = connection
    try:
        message.send()
    except smtplib.SMTPRecipientsRefused as error:
        code, text = next(iter(error.recipients.values()))
        return _refused(row, token, code, text)
    except (smtplib.SMTPDataError, smtplib.SMTPSenderRefused) as error:
        outcome = _refused(row, token, error.smtp_code, error.smtp_error)
        if error.smtp_code == 421:  # the server closes the connection
            raise ConnectionLost(_answer(error.smtp_code, error.smtp_error), outcome) from error
        return outcome
    except (smtplib.SMTPServerDisconnected, OSError) as error:
        reason = str(error) or error.__class__.__name__
        raise ConnectionLost(reason, _defer(row, token, reason)) from error
    _record(row, token, state=State.SENT, sent_at=timezone.now(), answer="", next_attempt_at=None)
    if kind.sent:
        kind.sent(row)
    return "sent"


def _refused(row: DeliveryRecipient, token: str, code: int, text) -> str:
    answer = _answer(code, text)
    if 500 <= code < 600:
        _record(row, token, state=State.FAILED, attempts=row.attempts + 1, answer=answer[:200], next_attempt_at=None)
        return "failed"
    return _defer(row, token, answer)


def _send_batch(kind, shared, batch: list[DeliveryRecipient], token: str, counts: RunCounts) -> None:
    try:
        connection = get_connection()
        connection.open()
    except (smtplib.SMTPException, OSError) as error:
        for row in batch:
            outcome = _defer(row, token, str(error) or error.__class__.__name__)
            setattr(counts, outcome, getattr(counts, outcome) + 1)
        raise ConnectionLost(str(error)) from error
    try:
        for row in batch:
            if not _renew(row, token):
                continue
            message = kind.build(row, shared)
            if message is None:
                _record(row, token, state=State.WITHDRAWN, next_attempt_at=None)
                counts.withdrawn += 1
                continue
            try:
                outcome = _send_one(kind, row, token, message, connection)
            except ConnectionLost as lost:
                setattr(counts, lost.outcome, getattr(counts, lost.outcome) + 1)
                raise
            setattr(counts, outcome, getattr(counts, outcome) + 1)
    finally:
        with contextlib.suppress(smtplib.SMTPException, OSError):  # closing a dropped connection: nothing to do
            connection.close()


def send_delivery_run(*, delivery_id: int, batch_size: int | None = None) -> RunCounts:
    """Send a delivery to every row due now, batch by batch, until none is left or the mail server fails.

    Side effects: each row's state as the server answers; `run_at`; audit `core.delivery.sent` on the
    delivery's target with the numbers and those left; `retry_at` is the earliest next attempt of a deferred
    row (the `send_delivery` task queues itself again for it, so this worker-side module never imports the
    task module). Errors other than the mail server's release the run's claims and are raised again.
    """
    delivery = Delivery.objects.get(pk=delivery_id)
    kind = mailing(delivery.kind)
    Delivery.objects.filter(pk=delivery.pk).update(run_at=timezone.now())
    shared = kind.prepare(delivery) if kind.prepare else None
    counts = RunCounts()
    token = ""
    started = time.monotonic()
    try:
        while True:
            token, batch = _claim_batch(delivery, batch_size or kind.batch_size)
            if not batch:
                break
            counts.batches += 1
            _send_batch(kind, shared, batch, token, counts)
            _keep_to_rate(kind, started, counts.sent + counts.failed + counts.deferred)
    except ConnectionLost as stop:
        counts.stopped = str(stop)[:200]
        DeliveryRecipient.objects.filter(claimed_by=token).update(claimed_by="", claimed_at=None)
    except Exception:
        DeliveryRecipient.objects.filter(claimed_by=token).update(claimed_by="", claimed_at=None)
        raise
    _finish(delivery, counts)
    return counts


def _keep_to_rate(kind, started: float, handled: int) -> None:
    """Wait until `handled` e-mails fit the mailing's rate a minute since the run started (no rate: no wait)."""
    rate = kind.rate_per_minute() if kind.rate_per_minute else 0
    if rate > 0:
        time.sleep(max(0.0, handled * 60 / rate - (time.monotonic() - started)))


def _finish(delivery: Delivery, counts: RunCounts) -> None:
    left = delivery.recipients.filter(state__in=[State.QUEUED, State.DEFERRED])
    record_audit(
        action="core.delivery.sent",
        target=delivery.target_type.get_object_for_this_type(pk=delivery.target_id),
        actor=None,
        after={
            "mailing": delivery.kind,
            "delivery": delivery.pk,
            "sent": counts.sent,
            "failed": counts.failed,
            "deferred": counts.deferred,
            "withdrawn": counts.withdrawn,
            "batches": counts.batches,
            "left": left.count(),
        },
    )
    counts.retry_at = left.filter(state=State.DEFERRED).aggregate(at=Min("next_attempt_at"))["at"]


def deliver_pending() -> dict[int, RunCounts]:
    """Run every delivery that has rows due now (queued ones no live run holds, deferred ones past their
    next attempt): what a periodic scheduler calls, and where the task backend cannot defer a retry."""
    now = timezone.now()
    due = DeliveryRecipient.objects.filter(
        Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_LEASE),
        Q(state=State.QUEUED) | Q(state=State.DEFERRED, next_attempt_at__lte=now),
    )
    delivery_ids = sorted(set(due.values_list("delivery_id", flat=True)))
    return {delivery_id: send_delivery_run(delivery_id=delivery_id) for delivery_id in delivery_ids}
