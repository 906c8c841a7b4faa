"""An import's progress bar sees into the write transaction: readings go through the cache, not the job row."""

import re
import threading

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection
from django.urls import reverse

from alliance.members.models import ImportJob, Organisation
from alliance.members.services.import_progress import progress_key, report_progress, with_live_progress
from alliance.members.services.importing import import_members, progress_step
from alliance.members.services.importing_run import progress_reporter, run_import_job
from alliance.members.tests.test_import import hanbit_row, xlsx_file, zen_row


def _job(staff_user, path) -> ImportJob:
    job = ImportJob(created_by=staff_user, original_name="회원사.xlsx")
    job.upload.save("회원사.xlsx", ContentFile(path.read_bytes()), save=False)
    job.save()
    return job


def _read_in_another_connection(job_id: int) -> tuple[str, int, int]:
    """What the polling page reads, from a thread with its own database connection (another process's view)."""
    seen = {}

    def read():
        try:
            job = with_live_progress(ImportJob.objects.get(pk=job_id))
            seen["reading"] = (job.status, job.processed_rows, job.total_rows)
        finally:
            connection.close()

    thread = threading.Thread(target=read)
    thread.start()
    thread.join()
    return seen.get("reading")


@pytest.mark.django_db(transaction=True)
def test_progress_reported_inside_the_write_transaction_is_visible_to_the_page(tmp_path, staff_user):
    job = _job(staff_user, xlsx_file(tmp_path, [zen_row(), hanbit_row()]))
    reporter = progress_reporter(job)
    readings = []

    def progress(stage: str, done: int, total: int) -> None:
        reporter(stage, done, total)
        if stage == "writing" and done:
            assert connection.in_atomic_block  # the write transaction is open: nothing of it is committed
            readings.append(_read_in_another_connection(job.pk))

    import_members(path=job.upload.path, progress=progress)

    assert readings == [("writing", 1, 2), ("writing", 2, 2)]
    assert Organisation.objects.count() == 2


@pytest.mark.django_db
def test_finished_import_leaves_no_reading_behind(tmp_path, staff_user):
    job = _job(staff_user, xlsx_file(tmp_path, [zen_row(), hanbit_row()]))

    run_import_job(job_id=job.pk)

    assert cache.get(progress_key(job)) is None
    assert ImportJob.objects.values_list("status", "processed_rows", "total_rows").get() == ("done", 2, 2)


@pytest.mark.django_db
def test_finished_job_shows_its_row_not_a_late_reading(staff_user):
    job = ImportJob.objects.create(
        created_by=staff_user, original_name="a.xlsx", status="done", processed_rows=2, total_rows=2
    )
    report_progress(job, stage="writing", done=1, total=2)

    assert (with_live_progress(job).status, job.processed_rows) == ("done", 2)


@pytest.mark.django_db
def test_progress_fragment_reads_the_cache_first(client, staff_user):
    job = ImportJob.objects.create(created_by=staff_user, original_name="a.xlsx", status="writing", total_rows=1000)
    report_progress(job, stage="writing", done=250, total=1000)
    client.force_login(staff_user)

    content = client.get(reverse("members:import_progress", args=[job.pk])).content.decode()

    assert '<progress class="progress" max="100" value="25"' in content
    assert ImportJob.objects.values_list("processed_rows", flat=True).get() == 0


@pytest.mark.parametrize(("total", "step"), [(0, 1), (2, 1), (1_139, 57), (100_000, 500)])
def test_progress_step_gives_about_twenty_readings_and_at_most_500_rows_apart(total, step):
    assert progress_step(total) == step


@pytest.mark.django_db
def test_queued_job_says_it_starts_soon(client, staff_user):
    job = ImportJob.objects.create(created_by=staff_user, original_name="a.xlsx")
    client.force_login(staff_user)

    content = client.get(reverse("members:import_progress", args=[job.pk])).content.decode()

    status = re.search(r'<p role="status">(.*?)</p>', content, re.S).group(1)
    assert re.sub(r"<[^>]+>|\s+", " ", status).split() == ["대기", "중", "곧", "시작합니다."]
