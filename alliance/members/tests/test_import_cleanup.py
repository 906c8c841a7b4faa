"""Member lists uploaded for a check that nobody imported are deleted after UNCONFIRMED_UPLOAD_RETENTION_HOURS
by the hourly periodic job; a file an import used stays; importing a check whose file is gone is refused."""

import datetime

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from alliance.core.jobs import registered_jobs, run_due_jobs
from alliance.core.tests.confirming import post_confirmed
from alliance.members.models import ImportJob
from alliance.members.services.importing_cleanup import discard_unconfirmed_checks
from alliance.members.tests.test_import import hanbit_row, zen_row
from alliance.members.tests.test_import_views import staff_client, upload  # noqa: F401  fixture

DISCARDED = "확인한 파일을 제때 가져오지 않아 삭제했습니다. 다시 올려 확인한 뒤 가져오세요."


def _check(staff_client, tmp_path):  # noqa: F811
    staff_client.post(reverse("members:imports"), {"file": upload(tmp_path, [zen_row(), hanbit_row()])})
    return ImportJob.objects.get()


@pytest.mark.django_db
def test_an_unimported_check_loses_its_file_after_the_retention_only(staff_client, tmp_path, settings):  # noqa: F811
    settings.UNCONFIRMED_UPLOAD_RETENTION_HOURS = 48
    checked = _check(staff_client, tmp_path)
    name = checked.upload.name
    finished = checked.finished_at

    assert discard_unconfirmed_checks(now=finished + datetime.timedelta(hours=47)) == 0
    assert default_storage.exists(name)

    assert discard_unconfirmed_checks(now=finished + datetime.timedelta(hours=49)) == 1
    checked.refresh_from_db()
    assert (default_storage.exists(name), checked.upload.name, checked.status) == (False, "", "done")

    page = staff_client.get(reverse("members:import_detail", args=[checked.pk])).content.decode()
    assert DISCARDED in page
    assert 'id="import-checked"' not in page
    refused = staff_client.post(reverse("members:import_apply", args=[checked.pk]))
    assert DISCARDED in refused.content.decode()
    assert ImportJob.objects.filter(dry_run=False).count() == 0


@pytest.mark.django_db
def test_a_file_an_import_used_is_kept(staff_client, tmp_path, settings):  # noqa: F811
    settings.UNCONFIRMED_UPLOAD_RETENTION_HOURS = 48
    checked = _check(staff_client, tmp_path)
    post_confirmed(staff_client, reverse("members:import_apply", args=[checked.pk]))

    assert discard_unconfirmed_checks(now=timezone.now() + datetime.timedelta(days=30)) == 0
    assert default_storage.exists(checked.upload.name)


@pytest.mark.django_db
def test_the_periodic_job_is_registered_and_reads_the_setting(staff_client, tmp_path, settings, monkeypatch):  # noqa: F811
    settings.UNCONFIRMED_UPLOAD_RETENTION_HOURS = 1
    checked = _check(staff_client, tmp_path)
    ImportJob.objects.filter(pk=checked.pk).update(finished_at=timezone.now() - datetime.timedelta(hours=2))
    job = next(job for job in registered_jobs() if job.name == "discard_unconfirmed_member_imports")
    assert job.every == datetime.timedelta(hours=1)
    from alliance.core import jobs

    monkeypatch.setattr(jobs, "_REGISTRY", {job.name: job})

    assert run_due_jobs() == {job.name: "1 unconfirmed import files deleted"}
    assert not default_storage.exists(checked.upload.name)


def test_the_default_retention_is_two_days():
    from alliance import settings as project_settings

    assert project_settings.UNCONFIRMED_UPLOAD_RETENTION_HOURS == 48
