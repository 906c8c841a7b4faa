"""The live progress of a running import, kept outside the transaction that writes it.

Rule: an import writes in one transaction (all rows or none), so progress recorded on the job row during
the write stage would stay invisible to the polling page until the very end. Progress readings therefore go
to Django's cache (`CACHES`: by default a directory under var/ that the web server and `db_worker` share;
Redis by setting), keyed by the job and its creation time; the job row stays the durable record (its stage
as it changes, outside the transaction, and its outcome). Readers take the cache first while a job runs.
Reporting is best effort: a cache that fails loses readings, never the import.
"""

import logging

from django.core.cache import cache

from alliance.members.models import ImportJob

logger = logging.getLogger(__name__)
RUNNING = (ImportJob.Status.QUEUED, ImportJob.Status.VALIDATING, ImportJob.Status.WRITING)
READING_SECONDS = 24 * 3600


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


def with_live_progress(job: ImportJob) -> ImportJob:
    """The job as the page shows it: while it runs, its stage and row counts from the latest reading."""
    if job.status not in RUNNING:
        return job
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
