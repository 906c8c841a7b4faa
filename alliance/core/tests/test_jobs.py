"""Periodic jobs: each due job runs once per period however many passes start at once; a failing job is
recorded without stopping the others; core's jobs send due e-mails and prune old task rows."""

import datetime
import uuid

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from alliance.core import jobs
from alliance.core.jobs import Job, claim, register_job, registered_jobs, run_due_jobs
from alliance.core.models import ScheduledJob
from alliance.core.periodic_jobs import prune_task_results

NOW = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def only_these_jobs(monkeypatch):
    monkeypatch.setattr(jobs, "_REGISTRY", {})


def test_core_registers_its_jobs():
    assert {"deliver_pending", "prune_task_results"} <= {job.name for job in registered_jobs()}


@pytest.mark.django_db
def test_of_two_passes_starting_together_one_runs_the_job(only_these_jobs):
    job = register_job(Job("count", lambda: "done", every=datetime.timedelta(minutes=5)))

    assert [claim(job, now=NOW), claim(job, now=NOW)] == [True, False]


@pytest.mark.django_db
def test_a_job_runs_again_one_period_later(only_these_jobs):
    runs = []
    register_job(Job("count", lambda: runs.append(1) or "done", every=datetime.timedelta(minutes=5)))

    outcomes = [
        run_due_jobs(now=NOW),
        run_due_jobs(now=NOW + datetime.timedelta(minutes=4)),
        run_due_jobs(now=NOW + datetime.timedelta(minutes=5)),
    ]

    assert (outcomes, len(runs)) == ([{"count": "done"}, {}, {"count": "done"}], 2)


@pytest.mark.django_db
def test_a_run_still_holding_the_job_keeps_others_off_until_its_lease_ends(only_these_jobs):
    job = register_job(
        Job("slow", lambda: "done", every=datetime.timedelta(minutes=1), lease=datetime.timedelta(minutes=30))
    )
    claim(job, now=NOW)  # a run that was killed before it finished

    assert [
        claim(job, now=NOW + datetime.timedelta(minutes=10)),
        claim(job, now=NOW + datetime.timedelta(minutes=30)),
    ] == [False, True]


@pytest.mark.django_db
def test_a_failing_job_is_recorded_and_the_others_still_run(only_these_jobs):
    def broken():
        raise RuntimeError("mail server down")

    register_job(Job("a_broken", broken, every=datetime.timedelta(minutes=5)))
    register_job(Job("b_fine", lambda: "done", every=datetime.timedelta(minutes=5)))

    outcomes = run_due_jobs(now=NOW)

    row = ScheduledJob.objects.get(name="a_broken")
    assert outcomes == {"a_broken": "failed: RuntimeError: mail server down", "b_fine": "done"}
    assert (row.last_failed, row.locked_until) == (True, None)


def test_a_different_job_under_a_taken_name_is_refused(only_these_jobs):
    register_job(Job("same", lambda: "a", every=datetime.timedelta(minutes=5)))

    with pytest.raises(ValueError, match="already registered"):
        register_job(Job("same", lambda: "b", every=datetime.timedelta(minutes=5)))


def task_row(*, status: str, finished_days_ago: int | None) -> DBTaskResult:
    finished = timezone.now() - datetime.timedelta(days=finished_days_ago) if finished_days_ago is not None else None
    return DBTaskResult.objects.create(
        id=uuid.uuid4(),
        status=status,
        finished_at=finished,
        args_kwargs={"args": [], "kwargs": {}},
        task_path="alliance.core.tasks.send_delivery",
        backend_name="default",
        run_after=timezone.now(),
    )


@pytest.mark.django_db
def test_pruning_deletes_only_task_rows_finished_before_the_retention(settings):
    settings.TASK_RESULT_RETENTION_DAYS = 14
    old = task_row(status="SUCCESSFUL", finished_days_ago=15)
    recent = task_row(status="FAILED", finished_days_ago=13)
    waiting = task_row(status="READY", finished_days_ago=None)

    summary = prune_task_results()

    assert (summary, set(DBTaskResult.objects.values_list("pk", flat=True))) == (
        "1 finished task rows deleted",
        {recent.pk, waiting.pk},
    )
    assert not DBTaskResult.objects.filter(pk=old.pk).exists()


@pytest.mark.django_db
def test_run_jobs_command_runs_the_due_jobs_once(only_these_jobs, capsys):
    register_job(Job("hello", lambda: "said hello", every=datetime.timedelta(hours=1)))

    call_command("run_jobs")
    call_command("run_jobs")

    assert capsys.readouterr().out == "hello: said hello\n"
