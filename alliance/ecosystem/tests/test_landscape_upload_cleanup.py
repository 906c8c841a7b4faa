"""landscape.yml files uploaded for a confirmation that never came are deleted by the hourly periodic job
once older than UNCONFIRMED_UPLOAD_RETENTION_HOURS; younger ones stay."""

import datetime
import os

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from alliance.core import jobs
from alliance.core.jobs import registered_jobs, run_due_jobs
from alliance.ecosystem.services.landscape_uploads import FOLDER, discard_unconfirmed_uploads, store_upload


def _stored(age: datetime.timedelta) -> str:
    reference = store_upload(ContentFile(b"landscape: []\n", name="l.yml"), domain_name="")
    name = default_storage.listdir(FOLDER)[1]
    newest = max(name, key=lambda item: default_storage.get_modified_time(f"{FOLDER}/{item}"))
    path = default_storage.path(f"{FOLDER}/{newest}")
    moment = (timezone.now() - age).timestamp()
    os.utime(path, (moment, moment))
    return reference and f"{FOLDER}/{newest}"


def test_only_uploads_older_than_the_retention_are_deleted(settings):
    settings.UNCONFIRMED_UPLOAD_RETENTION_HOURS = 48
    old = _stored(datetime.timedelta(hours=49))
    young = _stored(datetime.timedelta(hours=47))

    assert discard_unconfirmed_uploads() == 1
    assert (default_storage.exists(old), default_storage.exists(young)) == (False, True)


def test_no_folder_yet_deletes_nothing(settings):
    assert discard_unconfirmed_uploads() == 0


@pytest.mark.django_db
def test_the_periodic_job_is_registered_and_reads_the_setting(settings, monkeypatch):
    settings.UNCONFIRMED_UPLOAD_RETENTION_HOURS = 1
    old = _stored(datetime.timedelta(hours=2))
    job = next(job for job in registered_jobs() if job.name == "discard_unconfirmed_landscape_uploads")
    monkeypatch.setattr(jobs, "_REGISTRY", {job.name: job})

    assert run_due_jobs() == {job.name: "1 unconfirmed landscape.yml uploads deleted"}
    assert not default_storage.exists(old)
