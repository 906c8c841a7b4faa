"""Two background workers share the queue (alliance/core/workers.py): the one running an import is killed
(SIGKILL) while it writes, the other takes the task over when the lease ends and finishes it, and the rows
are written exactly once. Real `manage.py db_worker` processes on the test's database (SQLite file or
PostgreSQL) and one file cache, as on one machine; on PostgreSQL this is several machines' case."""

import os
import signal
import subprocess
import sys
import time

import pytest
from django.core.cache import cache
from django_tasks_db.models import DBTaskResult, get_date_max
from openpyxl import Workbook

from alliance.core.korean import business_number_with_check_digit, format_business_number
from alliance.core.tests.redis_fixture import ROOT, run_machine, shared_database_url
from alliance.members.models import ImportJob
from alliance.members.services.import_progress import progress_key
from alliance.members.services.importing_read import HEADERS
from alliance.settings import cache_settings

ROWS = 2_000
LEASE_SECONDS = 3


def write_member_list(path, count: int) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("회원사")
    sheet.append(HEADERS)
    for index in range(count):
        number = format_business_number(business_number_with_check_digit(f"{100_000_000 + index * 7:09d}"))
        sheet.append([f"가상융합랩{index:05d}", number, "소기업", "2024-03-01", None, "서울특별시", "강남구"])
    workbook.save(path)


def start_worker(name: str, environment: dict, *options: str) -> subprocess.Popen:
    command = [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2"]
    return subprocess.Popen(  # noqa: S603  the running Python, our own command
        [*command, "--worker-id", name, *options],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def wait_for(condition, *, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    pytest.fail(f"timed out waiting for {what}")


@pytest.mark.django_db(transaction=True)
def test_an_import_whose_worker_is_killed_is_finished_by_the_other_worker_exactly_once(staff_user, tmp_path, settings):
    media = tmp_path / "media"
    (media / "imports").mkdir(parents=True)
    write_member_list(media / "imports" / "members.xlsx", ROWS)
    settings.MEDIA_ROOT = media
    cache_url = f"file://{tmp_path / 'cache'}"
    settings.CACHES = {"default": cache_settings(cache_url)}  # the workers' progress readings, read here
    job = ImportJob.objects.create(
        created_by=staff_user,
        original_name="회원사.xlsx",
        upload="imports/members.xlsx",
        status=ImportJob.Status.QUEUED,
    )
    task = DBTaskResult.objects.create(  # what run_import.enqueue(job_id=…) writes with TASKS_BACKEND=database
        task_path="alliance.members.tasks.run_import",
        args_kwargs={"args": [], "kwargs": {"job_id": job.pk}},
        backend_name="default",
        run_after=get_date_max(),
    )
    database_url = shared_database_url(tmp_path)
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_"))}
    environment |= {
        "DJANGO_SETTINGS_MODULE": "alliance.settings",
        "DATABASE_URL": database_url,
        "CACHE_URL": cache_url,
        "MEDIA_ROOT": str(media),
        "ALLIANCE_VAR_DIR": str(tmp_path),
        "TASKS_BACKEND": "database",
        "TASK_WORKER_HEARTBEAT_SECONDS": "1",
        "TASK_WORKER_LEASE_SECONDS": str(LEASE_SECONDS),
    }

    first = start_worker("first", environment)
    try:
        reading = wait_for(
            lambda: (r := cache.get(progress_key(job))) and r["status"] == "writing" and r["processed_rows"] > 0 and r,
            seconds=120,
            what="the first worker to be writing",
        )
        second = start_worker("second", environment, "--max-tasks", "1")
        os.kill(first.pid, signal.SIGKILL)  # in the middle of the write transaction
        first.wait(timeout=10)
        second.wait(timeout=120)
    finally:
        for worker in (first, locals().get("second")):
            if worker is not None and worker.poll() is None:
                worker.kill()
                worker.wait()
    assert second.returncode == 0, second.stderr.read().decode()
    outcome = f"""
from alliance.core.models import AuditEntry, TaskWorker
from alliance.members.models import ImportJob, Organisation
from django_tasks_db.models import DBTaskResult
job = ImportJob.objects.get(pk={job.pk})
task = DBTaskResult.objects.get(pk="{task.pk}")
print(json.dumps({{
    "job": [job.status, job.created_count, job.unchanged_count],
    "organisations": Organisation.objects.count(),
    "finished_entries": AuditEntry.objects.filter(action="members.import.finished").count(),
    "task": [task.status, task.worker_ids],
    "workers": sorted(TaskWorker.objects.values_list("worker_id", flat=True)),
}}))
"""

    shown = run_machine(outcome, tmp_path=tmp_path, cache_url=cache_url, database_url=database_url)

    assert 0 < reading["processed_rows"] < reading["total_rows"] == ROWS
    assert shown == {
        "job": [ImportJob.Status.DONE, ROWS, 0],  # every row created by the second run: none by the first
        "organisations": ROWS,
        "finished_entries": 1,
        "task": ["SUCCESSFUL", ["first", "second"]],
        "workers": ["first"],  # the killed worker's stale row stays (a day); the second left cleanly
    }
