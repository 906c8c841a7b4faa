"""Periodic jobs: a registry apps add to, run by `manage.py run_jobs` so that each job runs once per period
even when every machine runs it (deploy/systemd/alliance-jobs.timer starts it each minute on each machine).

An app registers its jobs from its AppConfig.ready:

    register_job(Job("deliver_pending", deliver_pending_job, every=timedelta(minutes=5)))

`run(job)` is a plain function taking nothing and returning a one-line summary for the log. A pass
(`run_due_jobs`) claims each due job with one conditional UPDATE on its `ScheduledJob` row (due now, and no
live run holds it): on SQLite and PostgreSQL alike only one of several simultaneous passes gets the row. The
claim sets the next run one period later and holds the job for `lease` (a run killed mid-way frees it when
the lease ends); the outcome (summary or error) is kept on the row and logged.
"""

import dataclasses
import datetime
import logging
from collections.abc import Callable

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from alliance.core.models import ScheduledJob

logger = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class Job:
    name: str
    run: Callable[[], str]
    every: datetime.timedelta
    lease: datetime.timedelta = datetime.timedelta(minutes=30)


_REGISTRY: dict[str, Job] = {}


def register_job(job: Job) -> Job:
    if job.name in _REGISTRY and _REGISTRY[job.name] != job:
        msg = f"a different periodic job is already registered as {job.name!r}"
        raise ValueError(msg)
    _REGISTRY[job.name] = job
    return job


def registered_jobs() -> list[Job]:
    return [_REGISTRY[name] for name in sorted(_REGISTRY)]


def _ensure_row(job: Job, now: datetime.datetime) -> None:
    if ScheduledJob.objects.filter(name=job.name).exists():
        return
    try:
        with transaction.atomic():
            ScheduledJob.objects.create(name=job.name, next_run_at=now)
    except IntegrityError:  # another machine created it at the same moment
        pass


def claim(job: Job, *, now: datetime.datetime) -> bool:
    """Takes `job` for one run if it is due and free; True for exactly one of several simultaneous callers."""
    _ensure_row(job, now)
    taken = (
        ScheduledJob.objects.filter(name=job.name, next_run_at__lte=now)
        .filter(Q(locked_until__isnull=True) | Q(locked_until__lte=now))
        .update(locked_until=now + job.lease, last_started_at=now, next_run_at=now + job.every)
    )
    return taken == 1


def _finish(job: Job, *, outcome: str, failed: bool) -> None:
    ScheduledJob.objects.filter(name=job.name).update(
        locked_until=None, last_finished_at=timezone.now(), last_outcome=outcome[:2000], last_failed=failed
    )


def run_due_jobs(*, now: datetime.datetime | None = None) -> dict[str, str]:
    """Runs every registered job that is due and that no other pass took; returns {name: outcome}."""
    outcomes = {}
    for job in registered_jobs():
        if not claim(job, now=now or timezone.now()):
            continue
        try:
            outcome = job.run()
        except Exception as error:
            logger.exception("periodic job %s failed", job.name)
            outcome = f"failed: {error.__class__.__name__}: {error}"
            _finish(job, outcome=outcome, failed=True)
        else:
            logger.info("periodic job %s: %s", job.name, outcome, extra={"job": job.name})
            _finish(job, outcome=outcome, failed=False)
        outcomes[job.name] = outcome
    return outcomes
