"""Background workers that several machines share (TASKS_BACKEND=database): heartbeats, leases, the claim.

What django-tasks-db 0.13.0 gives: a worker claims the first ready task row with SELECT … FOR UPDATE SKIP
LOCKED (PostgreSQL; on SQLite inside an exclusive transaction) and marks it RUNNING with its worker id in
the same transaction, so two workers never claim one row. What it lacks: no lease and no heartbeat, so a
task whose worker dies (killed, out of memory, machine lost) stays RUNNING for ever. This module adds:

- a heartbeat: core's `manage.py db_worker` (management/commands/db_worker.py, which replaces
  django-tasks-db's of the same name) stamps its `TaskWorker` row before its first claim and then every
  TASK_WORKER_HEARTBEAT_SECONDS from a thread of its own, so a long task does not stop it;
- a lease: on each beat `requeue_abandoned` takes the RUNNING rows whose last worker has not been seen for
  TASK_WORKER_LEASE_SECONDS (rows another transaction holds are skipped) and hands each back to READY,
  where any worker claims it again; a task already claimed TASK_MAX_ATTEMPTS times is recorded FAILED
  (`WorkerLost`) instead, so a task that kills its worker (memory) does not go round for ever;
- the claim guard: a worker records a task's outcome only while it still holds the claim (the row is
  RUNNING with its id last), and a task whose effects are one database transaction calls
  `hold_task_claim()` first inside it: the row lock it takes keeps `requeue_abandoned` off the task until
  the commit, and a worker whose claim was handed away meanwhile (it stalled or was cut off past the lease,
  then came back) gets `ClaimLost`, so its transaction rolls back and writes nothing.

What is guaranteed: while some worker lives, every queued task is run to its end by one of them (at least
once); a task whose effects are one transaction guarded by `hold_task_claim` takes effect exactly once (a
killed worker's open transaction dies with its connection, and a late one is refused); other tasks are
idempotent by design: the import's run checks its job's state first and an import run again finds its rows
written and changes nothing; bulk e-mail marks each recipient's row as it sends (core/delivery), so a
second run sends only to the rest. On SQLite (one machine) the heartbeat waits while another process writes,
so keep the lease longer than the longest import's write (or run one worker); several worker machines use
PostgreSQL, where heartbeats and task rows never wait for an import.
"""

import contextlib
import contextvars
import dataclasses
import datetime
import logging
import os
import socket
import threading

from django.conf import settings
from django.db import close_old_connections, connection, transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from alliance.core.models import TaskWorker

logger = logging.getLogger(__name__)
FORGET_WORKERS_AFTER = datetime.timedelta(days=1)


class ClaimLost(Exception):  # noqa: N818  the name says what happened
    """The running task was handed to another worker: this worker must not write its effects."""


class WorkerLost(Exception):  # noqa: N818
    """Recorded as a task's error when its workers died TASK_MAX_ATTEMPTS times while running it."""


@dataclasses.dataclass(frozen=True)
class Claim:
    task_id: str
    worker_id: str


_current_claim: contextvars.ContextVar[Claim | None] = contextvars.ContextVar("task_claim", default=None)


def new_worker_id() -> str:
    """A worker id unique across machines and readable in the task rows: host, process, random part."""
    return f"{socket.gethostname()[:40]}-{os.getpid()}-{get_random_string(8)}"


def holds(status: str, worker_ids: list, worker_id: str) -> bool:
    return status == TaskResultStatus.RUNNING and bool(worker_ids) and worker_ids[-1] == worker_id


def stamp(worker_id: str, *, started_at: datetime.datetime) -> None:
    """Record that `worker_id` (this process) is alive now."""
    now = timezone.now()
    values = {"host": socket.gethostname()[:255], "pid": os.getpid(), "started_at": started_at, "seen_at": now}
    TaskWorker.objects.update_or_create(worker_id=worker_id, defaults=values)


def requeue_abandoned(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Rule: see the module docstring (the lease). Side effects: abandoned RUNNING task rows become READY
    again (their worker ids kept: the history of claims), or FAILED with `WorkerLost` after
    TASK_MAX_ATTEMPTS claims; workers not seen for a day are forgotten. Returns the counts."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(seconds=settings.TASK_WORKER_LEASE_SECONDS)
    counts = {"requeued": 0, "failed": 0}
    with transaction.atomic():
        alive = set(TaskWorker.objects.filter(seen_at__gte=cutoff).values_list("worker_id", flat=True))
        running = DBTaskResult.objects.running().filter(started_at__lt=cutoff).order_by("started_at")
        for row in running.select_for_update(skip_locked=True):
            if row.worker_ids and row.worker_ids[-1] in alive:
                continue
            if len(row.worker_ids) >= settings.TASK_MAX_ATTEMPTS:
                error = WorkerLost(f"its worker stopped while running it, {len(row.worker_ids)} times")
                error.__traceback__ = None
                row.set_failed(error)
                counts["failed"] += 1
                logger.error("Task %s (%s) failed: its workers %s stopped", row.id, row.task_path, row.worker_ids)
            else:
                row.status = TaskResultStatus.READY
                row.save(update_fields=["status"])
                counts["requeued"] += 1
                logger.warning("Task %s (%s) handed back: worker %s stopped", row.id, row.task_path, row.worker_ids)
        TaskWorker.objects.filter(seen_at__lt=now - FORGET_WORKERS_AFTER).delete()
    return counts


def hold_task_claim() -> None:
    """Call first inside the transaction that makes a task's effects: on a worker, lock the running task's
    row and raise ClaimLost when another worker holds the task now (the transaction then rolls back).
    Outside a worker (the immediate backend, a command) it does nothing."""
    claim = _current_claim.get()
    if claim is None:
        return
    if not connection.in_atomic_block:
        msg = "hold_task_claim() guards a transaction: call it inside transaction.atomic()"
        raise RuntimeError(msg)
    row = DBTaskResult.objects.select_for_update().filter(pk=claim.task_id).values_list("status", "worker_ids")
    current = row.first()
    if current is None or not holds(*current, claim.worker_id):
        raise ClaimLost(f"task {claim.task_id} is no longer held by worker {claim.worker_id}")


@contextlib.contextmanager
def running_claim(task_id: str, worker_id: str):
    """The claim `hold_task_claim` checks, for the task this thread runs."""
    token = _current_claim.set(Claim(task_id=str(task_id), worker_id=worker_id))
    try:
        yield
    finally:
        _current_claim.reset(token)


def record_if_held(db_task_result: DBTaskResult, worker_id: str, record):
    """Wrap one of the row's outcome writers (`set_successful`, `set_failed`) so that it writes only while
    `worker_id` holds the task; otherwise the outcome belongs to the worker running it now."""

    def guarded(*args):
        with transaction.atomic():
            current = DBTaskResult.objects.select_for_update().filter(pk=db_task_result.pk)
            current = current.values_list("status", "worker_ids").first()
            if current is None or not holds(*current, worker_id):
                logger.warning("Task %s was handed to another worker; its outcome here is dropped", db_task_result.id)
                return
            record(*args)

    return guarded


class Heartbeat:
    """A daemon thread stamping `worker_id` every TASK_WORKER_HEARTBEAT_SECONDS and handing back the tasks of
    workers that stopped (`requeue_abandoned`). A beat that fails is logged and tried again next time."""

    def __init__(self, worker_id: str):
        self.worker_id = worker_id
        self.started_at = timezone.now()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"heartbeat-{worker_id}", daemon=True)

    def beat(self) -> None:
        stamp(self.worker_id, started_at=self.started_at)
        counts = requeue_abandoned()
        if any(counts.values()):
            logger.warning("Abandoned tasks: %s", counts)

    def start(self) -> None:
        self.beat()  # before the first claim: a live worker always has a row
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=settings.TASK_WORKER_HEARTBEAT_SECONDS + 5)
        with contextlib.suppress(Exception):
            TaskWorker.objects.filter(worker_id=self.worker_id).delete()

    def _run(self) -> None:
        try:
            while not self._stop.wait(settings.TASK_WORKER_HEARTBEAT_SECONDS):
                close_old_connections()
                try:
                    self.beat()
                except Exception:
                    logger.warning("Worker %s could not record its heartbeat", self.worker_id, exc_info=True)
                    connection.close()
        finally:
            connection.close()
