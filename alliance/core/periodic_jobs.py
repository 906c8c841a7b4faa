"""Core's periodic jobs (registered from CoreConfig.ready; see alliance/core/jobs.py)."""

import datetime

from django.conf import settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from alliance.core.delivery.sending import deliver_pending
from alliance.core.jobs import Job, register_job


def deliver_pending_job() -> str:
    """Bulk e-mails due now (deferred retries, runs a dead worker left), whatever the task backend."""
    runs = deliver_pending()
    sent = sum(counts.sent for counts in runs.values())
    return f"{len(runs)} deliveries run, {sent} e-mails sent"


def prune_task_results() -> str:
    """Background task rows finished more than TASK_RESULT_RETENTION_DAYS ago (queued and running ones stay)."""
    cutoff = timezone.now() - datetime.timedelta(days=settings.TASK_RESULT_RETENTION_DAYS)
    deleted, _by_model = DBTaskResult.objects.filter(finished_at__lt=cutoff).delete()
    return f"{deleted} finished task rows deleted"


def register() -> None:
    register_job(Job("deliver_pending", deliver_pending_job, every=datetime.timedelta(minutes=5)))
    register_job(Job("prune_task_results", prune_task_results, every=datetime.timedelta(days=1)))
