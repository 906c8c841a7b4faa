"""Imports started from the staff page: the request side. An `ImportJob` records the upload; the `run_import`
task validates and writes it (`importing_run.run_import_job`) once the job row is committed.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from alliance.core.tasks import enqueue_on_commit
from alliance.members.models import ImportJob
from alliance.members.tasks import run_import

UPLOAD_DISCARDED = gettext_lazy(
    "The checked file was deleted because it was not imported in time. Upload it again to check and import it."
)


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


def import_checked_file(*, actor, checked: ImportJob) -> ImportJob:
    """Import for real the file a finished check-only job validated, in the same mode (all rows or the valid
    ones); staff confirmed its counts first.

    Rule: `checked` is a check-only job that finished ("done") and still has its file (importing_cleanup
    deletes it when nobody imported it in time); otherwise ValidationError, nothing written.
    Side effects: those of `start_import` (a new ImportJob on the same stored file, the task queued).
    """
    if not checked.dry_run or checked.status != ImportJob.Status.DONE:
        raise ValidationError(_("Only a finished check can be imported."))
    if not checked.upload:
        raise ValidationError(UPLOAD_DISCARDED)
    job = ImportJob.objects.create(
        created_by=actor,
        upload=checked.upload.name,
        original_name=checked.original_name,
        dry_run=False,
        skip_invalid=checked.skip_invalid,
    )
    enqueue_on_commit(run_import, job_id=job.pk)
    job.refresh_from_db()
    return job
