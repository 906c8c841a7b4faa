"""A worker that dies mid-import: the job is shown failed with the reason, nothing written, and runs again."""

import datetime
import time

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from alliance.members.models import ImportJob, Organisation
from alliance.members.services import import_progress
from alliance.members.services.import_progress import heartbeat_key, report_progress
from alliance.members.services.importing_run import run_import_job
from alliance.members.tests.test_import import xlsx_file, zen_row

pytestmark = pytest.mark.django_db

DIED = gettext(
    "The import stopped: the process running it ended unexpectedly (for example it ran out of memory or "
    "was restarted). Nothing was written. Upload the file again to run it again."
)


def _writing_job(staff_user, tmp_path, *, started_minutes_ago: int) -> ImportJob:
    """A job as a killed worker leaves it: writing, 11% reported, its last heartbeat when it died."""
    path = xlsx_file(tmp_path, [zen_row()])
    job = ImportJob(created_by=staff_user, original_name="회원사.xlsx", status=ImportJob.Status.WRITING)
    job.upload.save("회원사.xlsx", ContentFile(path.read_bytes()), save=False)
    job.save()
    ImportJob.objects.filter(pk=job.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=started_minutes_ago)
    )
    job.refresh_from_db()
    report_progress(job, stage=ImportJob.Status.WRITING, done=11, total=100)
    return job


def test_job_whose_worker_stopped_beating_is_shown_failed(client, staff_user, tmp_path):
    job = _writing_job(staff_user, tmp_path, started_minutes_ago=30)
    cache.set(heartbeat_key(job), time.time() - import_progress.STALE_SECONDS - 1)
    client.force_login(staff_user)

    response = client.get(reverse("members:import_progress", args=[job.pk]))

    job.refresh_from_db()
    assert (job.status, [problem["message"] for problem in job.problems]) == (ImportJob.Status.FAILED, [DIED])
    assert DIED in response.content.decode()
    assert Organisation.objects.count() == 0


def test_job_without_any_heartbeat_long_after_it_started_is_failed(client, staff_user, tmp_path):
    job = _writing_job(staff_user, tmp_path, started_minutes_ago=30)
    client.force_login(staff_user)

    client.get(reverse("members:import_detail", args=[job.pk]))

    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED


def test_job_that_still_beats_keeps_running(client, staff_user, tmp_path):
    job = _writing_job(staff_user, tmp_path, started_minutes_ago=30)
    cache.set(heartbeat_key(job), time.time())
    client.force_login(staff_user)

    response = client.get(reverse("members:import_progress", args=[job.pk]))

    job.refresh_from_db()
    assert (job.status, response.context["job"].processed_rows) == (ImportJob.Status.WRITING, 11)


def test_failed_job_runs_again_from_a_new_upload_and_its_run_leaves_no_heartbeat(staff_user, tmp_path):
    dead = _writing_job(staff_user, tmp_path, started_minutes_ago=30)
    import_progress.fail_dead_job(dead)
    again = ImportJob(created_by=staff_user, original_name="회원사.xlsx")
    again.upload.save("회원사.xlsx", ContentFile(dead.upload.read()), save=False)
    again.save()

    run_import_job(job_id=again.pk)

    again.refresh_from_db()
    assert (again.status, again.created_count) == (ImportJob.Status.DONE, 1)
    assert cache.get(heartbeat_key(again)) is None
    assert list(Organisation.objects.values_list("name", flat=True)) == ["주식회사 젠"]
