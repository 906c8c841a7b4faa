"""The live progress of a running import, kept outside the transaction that writes it.

Rule: an import writes in one transaction (all rows or none), so progress recorded on the job row during
the write stage would stay invisible to the polling page until the very end. Progress readings therefore go
to Django's cache (`CACHES`: by default a directory under var/ that the web server and `db_worker` share;
Redis by setting), keyed by the job and its creation time; the job row stays the durable record (its stage
as it changes, outside the transaction, and its outcome). Readers take the cache first while a job runs.
Reporting is best effort: a cache that fails loses readings, never the import.

A worker that dies (killed, out of memory) leaves its job "running" for ever. Rule: while a job runs, a
heartbeat thread of the process running it stamps the cache every HEARTBEAT_SECONDS; a job validating or
writing whose stamp is older than STALE_SECONDS (or missing that long after the job was created) is dead.
`with_live_progress` marks such a job failed with a Korean reason (`fail_dead_job`): its transaction died
with the process, so nothing was written, and staff run the file again. When the cache cannot be read
nothing is declared dead (no stamp is not proof of death).
"""

import contextlib
import logging
import threading
import time

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.members.models import ImportJob

logger = logging.getLogger(__name__)
RUNNING = (ImportJob.Status.QUEUED, ImportJob.Status.VALIDATING, ImportJob.Status.WRITING)
READING_SECONDS = 24 * 3600
HEARTBEAT_SECONDS = 20
STALE_SECONDS = 180


def progress_key(job: ImportJob) -> str:
    """The cache key of a job's latest reading."""
    # The creation time keeps a reused id (a reset database, another test database) from reading old progress.
    return f"members.import-progress.{job.pk}.{job.created_at.timestamp():.6f}"


def report_progress(job: ImportJob, *, stage: str, done: int, total: int) -> None:
    """Record that `job` has processed `done` of `total` rows in `stage` ("validating" or "writing")."""
    try:
        cache.set(progress_key(job), {"status": stage, "processed_rows": done, "total_rows": total}, READING_SECONDS)
    except Exception:  # a progress bar is not worth an import
        logger.warning("Could not record the progress of import %s", job.pk, exc_info=True)


def clear_progress(job: ImportJob) -> None:
    """Forget the readings of a finished job (its row now holds the outcome)."""
    try:
        cache.delete(progress_key(job))
    except Exception:
        logger.warning("Could not clear the progress of import %s", job.pk, exc_info=True)


def heartbeat_key(job: ImportJob) -> str:
    return progress_key(job) + ".alive"


def _beat(job: ImportJob) -> None:
    try:
        cache.set(heartbeat_key(job), time.time(), READING_SECONDS)
    except Exception:
        logger.warning("Could not record the heartbeat of import %s", job.pk, exc_info=True)


@contextlib.contextmanager
def heartbeat(job: ImportJob):
    """Stamp `job` alive now and every HEARTBEAT_SECONDS until the block ends (a daemon thread)."""
    stop = threading.Event()

    def keep_beating():
        while not stop.wait(HEARTBEAT_SECONDS):
            _beat(job)

    _beat(job)
    thread = threading.Thread(target=keep_beating, name=f"import-{job.pk}-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=HEARTBEAT_SECONDS)
        try:
            cache.delete(heartbeat_key(job))
        except Exception:
            logger.warning("Could not clear the heartbeat of import %s", job.pk, exc_info=True)


def is_dead(job: ImportJob) -> bool:
    """True when `job` is validating or writing and its process has stopped stamping it (module rule)."""
    if job.status not in (ImportJob.Status.VALIDATING, ImportJob.Status.WRITING):
        return False
    try:
        stamp = cache.get(heartbeat_key(job))
    except Exception:
        logger.warning("Could not read the heartbeat of import %s", job.pk, exc_info=True)
        return False
    last_sign = stamp if stamp is not None else job.created_at.timestamp()
    return time.time() - last_sign > STALE_SECONDS


def fail_dead_job(job: ImportJob) -> ImportJob:
    """Rule: see the module docstring. Side effects: the job row is marked failed with a Korean reason,
    only if it is still in the running stage it was read in; its cached readings are cleared."""
    message = _(
        "The import stopped: the process running it ended unexpectedly (for example it ran out of memory or "
        "was restarted). Nothing was written. Upload the file again to run it again."
    )
    problem = {"row": None, "column": "", "message": message}
    values = {"status": ImportJob.Status.FAILED, "problems": [problem], "finished_at": timezone.now()}
    if ImportJob.objects.filter(pk=job.pk, status=job.status).update(**values):
        for name, value in values.items():
            setattr(job, name, value)
        clear_progress(job)
    return job


def with_live_progress(job: ImportJob) -> ImportJob:
    """The job as the page shows it: while it runs, its stage and row counts from the latest reading; a job
    whose process died is marked failed (`fail_dead_job`)."""
    if job.status not in RUNNING:
        return job
    if is_dead(job):
        return fail_dead_job(job)
    try:
        reading = cache.get(progress_key(job))
    except Exception:
        logger.warning("Could not read the progress of import %s", job.pk, exc_info=True)
        reading = None
    if reading:
        job.status, job.processed_rows, job.total_rows = (
            reading["status"],
            reading["processed_rows"],
            reading["total_rows"],
        )
    return job
