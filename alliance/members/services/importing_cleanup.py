"""Files of checks nobody imported: the member list uploaded for a check (and its rejected-rows report) is
personal data kept only for the confirmation that imports it.

Rule: a check-only job that ended more than UNCONFIRMED_UPLOAD_RETENTION_HOURS ago and whose file no import
used loses its stored file and report; the job row (counts, problems) stays, and importing it is refused
("upload it again"). A file an import used is kept with that import.
Side effects: files deleted from the default storage; the jobs' `upload` and `rejected_report` emptied.
"""

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from alliance.members.models import ImportJob


def retention() -> datetime.timedelta:
    return datetime.timedelta(hours=settings.UNCONFIRMED_UPLOAD_RETENTION_HOURS)


def discard_unconfirmed_checks(*, now: datetime.datetime | None = None) -> int:
    """Delete the files of checks left unimported past the retention; returns how many files were deleted."""
    cutoff = (now or timezone.now()) - retention()
    imported = ImportJob.objects.filter(dry_run=False).values_list("upload", flat=True)
    stale = (
        ImportJob.objects.filter(dry_run=True, status__in=[ImportJob.Status.DONE, ImportJob.Status.FAILED])
        .filter(Q(finished_at__lt=cutoff) | Q(finished_at__isnull=True, created_at__lt=cutoff))
        .exclude(upload="")
        .exclude(upload__in=imported)
    )
    deleted = 0
    for job in stale:
        for field in (job.upload, job.rejected_report):
            if field.name and field.storage.exists(field.name):
                field.storage.delete(field.name)
                deleted += 1
        ImportJob.objects.filter(pk=job.pk).update(upload="", rejected_report="")
    return deleted


def discard_unconfirmed_checks_job() -> str:
    return f"{discard_unconfirmed_checks()} unconfirmed import files deleted"
