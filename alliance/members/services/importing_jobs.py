"""Imports started from the staff page: the request side. An `ImportJob` records the upload; the `run_import`
task validates and writes it (`importing_run.run_import_job`) once the job row is committed.
"""

from alliance.core.tasks import enqueue_on_commit
from alliance.members.models import ImportJob
from alliance.members.tasks import run_import


def start_import(*, actor, upload, dry_run: bool, skip_invalid: bool) -> ImportJob:
    """Store the uploaded file as a queued import and queue `run_import` for it once the job row is committed.

    Side effects: the file under MEDIA_ROOT/imports/; an ImportJob row; a background task (which the
    default immediate backend runs before this returns when no transaction is open).
    """
    job = ImportJob.objects.create(
        created_by=actor,
        upload=upload,
        original_name=upload.name[:255],
        dry_run=dry_run,
        skip_invalid=skip_invalid,
    )
    enqueue_on_commit(run_import, job_id=job.pk)
    job.refresh_from_db()
    return job
