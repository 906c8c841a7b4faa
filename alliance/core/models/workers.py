"""The background workers' heartbeats: which worker processes are alive (alliance/core/workers.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TaskWorker(models.Model):
    """One `db_worker` process. It stamps `seen_at` every TASK_WORKER_HEARTBEAT_SECONDS while it runs; a task
    claimed by a worker not seen for TASK_WORKER_LEASE_SECONDS is handed to another (core/workers.py)."""

    worker_id = models.CharField(_("worker"), max_length=64, primary_key=True)
    host = models.CharField(_("host"), max_length=255)
    pid = models.PositiveIntegerField(_("process id"))
    started_at = models.DateTimeField(_("started at"))
    seen_at = models.DateTimeField(_("last seen at"), db_index=True)

    class Meta:
        ordering = ["-seen_at"]
        verbose_name = _("background worker")
        verbose_name_plural = _("background workers")

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.host}:{self.pid})"
