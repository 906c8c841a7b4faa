"""Running one queued import (the `run_import` task): validate and write through `importing.import_members`.

Rule: its progress readings (about every twentieth of the rows) go to `import_progress` (the cache), which the
page's progress bar reads even while the write transaction is open; the job row records each change of
stage and the outcome.
"""

import logging

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.storage import local_copy
from alliance.core.workers import ClaimLost
from alliance.members.models import ImportJob
from alliance.members.services.exporting import rejected_report_bytes
from alliance.members.services.import_progress import RUNNING, clear_progress, heartbeat, report_progress
from alliance.members.services.importing import Progress, import_members
from alliance.members.services.importing_read import ImportFileError

logger = logging.getLogger(__name__)
MAX_STORED_PROBLEMS = 1_000


def run_import_job(*, job_id: int) -> ImportJob:
    """Run one queued import and record its outcome on the job.

    Side effects: everything `import_members` does; the job's status, counts, problems (the first
    1,000) and the rejected-rows report (XLSX under MEDIA_ROOT/imports/reports/).
    """
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    if job.status not in RUNNING:
        return job
    _set(job, status=ImportJob.Status.VALIDATING)
    try:
        with heartbeat(job):  # a job whose process dies stops beating and is shown failed (import_progress)
            return _run(job)
    finally:
        clear_progress(job)


def progress_reporter(job: ImportJob) -> Progress:
    """The progress callback of `job`'s import: every reading to the cache; a stage's first reading (0 rows,
    made outside the write transaction by `import_members`) also to the job row, which commits at once."""

    def progress(stage: str, done: int, total: int) -> None:
        report_progress(job, stage=stage, done=done, total=total)
        if done == 0 or stage != job.status:
            _set(job, status=stage, processed_rows=done, total_rows=total)

    return progress


def _run(job: ImportJob) -> ImportJob:
    try:
        with local_copy(job.upload) as path:  # object storage: a temporary copy on this machine
            result = import_members(
                path=path,
                actor=job.created_by,
                dry_run=job.dry_run,
                skip_invalid=job.skip_invalid,
                file_name=job.original_name,
                progress=progress_reporter(job),
            )
    except ImportFileError as error:
        problem = {"row": None, "column": error.column, "message": error.message}
        _set(job, status=ImportJob.Status.FAILED, problems=[problem], finished_at=timezone.now())
        return job
    except ClaimLost:  # another worker runs this job now (core/workers.py): its row is theirs to record
        raise
    except Exception:
        logger.exception("Import %s failed", job.pk)
        problem = {"row": None, "column": "", "message": _("The import failed unexpectedly. Nothing was written.")}
        _set(job, status=ImportJob.Status.FAILED, problems=[problem], finished_at=timezone.now())
        raise
    job.refresh_from_db()
    job.total_rows = result.total_rows
    job.processed_rows = result.total_rows
    job.created_count, job.updated_count, job.unchanged_count = result.created, result.updated, result.unchanged
    job.rejected_count = result.rejected
    job.problems = [problem.as_dict() for problem in result.problems[:MAX_STORED_PROBLEMS]]
    # Notes (ignored columns) are kept beside the problems, marked, so the page lists them apart.
    job.problems += [{"row": None, "column": "", "message": note, "note": True} for note in result.notes]
    failed = bool(result.problems) and not job.skip_invalid
    job.status = ImportJob.Status.FAILED if failed else ImportJob.Status.DONE
    job.finished_at = timezone.now()
    if result.rejected_rows:
        name = f"{job.pk}-rejected.xlsx"
        job.rejected_report.save(name, ContentFile(rejected_report_bytes(result)), save=False)
    job.save()
    return job


def _set(job: ImportJob, **values) -> None:
    for name, value in values.items():
        setattr(job, name, value)
    ImportJob.objects.filter(pk=job.pk).update(**values)
