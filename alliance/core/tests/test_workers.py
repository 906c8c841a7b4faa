"""The workers' lease (alliance/core/workers.py): a running task whose worker stopped beating goes back to the
queue, at most TASK_MAX_ATTEMPTS claims in all; a worker that lost its claim neither writes the task's
effects nor records its outcome. Real processes killed mid-task: members/tests/test_import_worker_killed.py.
"""

import datetime

import pytest
from django.core.management import get_commands
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from alliance.core.models import TaskWorker
from alliance.core.workers import ClaimLost, hold_task_claim, record_if_held, requeue_abandoned, running_claim, stamp

NOW = timezone.now()


def running_task(*worker_ids: str, started_seconds_ago: int = 600) -> DBTaskResult:
    return DBTaskResult.objects.create(
        task_path="alliance.members.tasks.run_import",
        args_kwargs={"args": [], "kwargs": {"job_id": 1}},
        backend_name="default",
        run_after=get_date_max(),
        status="RUNNING",
        started_at=NOW - datetime.timedelta(seconds=started_seconds_ago),
        worker_ids=list(worker_ids),
    )


def seen(worker_id: str, seconds_ago: int) -> None:
    stamp(worker_id, started_at=NOW)
    TaskWorker.objects.filter(worker_id=worker_id).update(seen_at=NOW - datetime.timedelta(seconds=seconds_ago))


@pytest.mark.django_db
def test_a_task_whose_worker_stopped_beating_goes_back_to_the_queue_and_a_live_ones_stays(settings):
    settings.TASK_WORKER_LEASE_SECONDS = 60
    seen("alive", seconds_ago=5)
    seen("dead", seconds_ago=61)
    kept, handed_back, never_seen = running_task("alive"), running_task("dead"), running_task("gone")
    just_claimed = running_task("gone", started_seconds_ago=10)  # the lease counts from the claim too

    counts = requeue_abandoned(now=NOW)

    states = {task.pk: (task.status, task.worker_ids) for task in DBTaskResult.objects.all()}
    assert counts == {"requeued": 2, "failed": 0}
    assert states == {
        kept.pk: ("RUNNING", ["alive"]),
        handed_back.pk: ("READY", ["dead"]),
        never_seen.pk: ("READY", ["gone"]),
        just_claimed.pk: ("RUNNING", ["gone"]),
    }


@pytest.mark.django_db
def test_a_task_whose_workers_died_max_attempts_times_is_recorded_failed(settings):
    settings.TASK_MAX_ATTEMPTS = 3
    task = running_task("one", "two", "three")

    assert requeue_abandoned(now=NOW) == {"requeued": 0, "failed": 1}

    task.refresh_from_db()
    assert (task.status, task.exception_class_path) == ("FAILED", "alliance.core.workers.WorkerLost")


@pytest.mark.django_db
def test_workers_not_seen_for_a_day_are_forgotten():
    seen("yesterday", seconds_ago=86_401)
    seen("today", seconds_ago=86_000)

    requeue_abandoned(now=NOW)

    assert list(TaskWorker.objects.values_list("worker_id", flat=True)) == ["today"]


@pytest.mark.django_db
def test_a_worker_holding_its_claim_writes_and_one_that_lost_it_writes_nothing():
    task = running_task("first", "second")  # handed from "first" to "second"

    with running_claim(task.pk, "second"), transaction.atomic():
        hold_task_claim()
    with pytest.raises(ClaimLost), running_claim(task.pk, "first"), transaction.atomic():
        hold_task_claim()
    hold_task_claim()  # outside a worker (the immediate backend, a command): nothing to hold


@pytest.mark.django_db(transaction=True)  # no test transaction around it
def test_hold_task_claim_must_be_inside_the_transaction_it_guards():
    task = running_task("first")

    with pytest.raises(RuntimeError), running_claim(task.pk, "first"):
        hold_task_claim()


@pytest.mark.django_db
def test_only_the_worker_holding_the_claim_records_the_outcome():
    task = running_task("first", "second")
    late = DBTaskResult.objects.get(pk=task.pk)

    record_if_held(late, "first", late.set_failed)(RuntimeError("late"))
    record_if_held(task, "second", task.set_successful)(7)

    task.refresh_from_db()
    assert (task.status, task.return_value, task.traceback) == ("SUCCESSFUL", 7, "")


def test_db_worker_is_cores_worker_with_the_heartbeat():
    assert get_commands()["db_worker"] == "alliance.core"
