"""The periodic jobs' shared state: when each last ran and who holds it now (alliance/core/jobs.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ScheduledJob(models.Model):
    """One registered periodic job. A run claims the row with one conditional UPDATE (due, and not held by a
    live run), so that of several machines starting `run_jobs` at once exactly one runs the job."""

    name = models.CharField(_("job"), max_length=80, unique=True)
    next_run_at = models.DateTimeField()
    locked_until = models.DateTimeField(null=True, blank=True)
    last_started_at = models.DateTimeField(null=True, blank=True)
    last_finished_at = models.DateTimeField(null=True, blank=True)
    last_outcome = models.TextField(blank=True)
    last_failed = models.BooleanField(default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("periodic job")
        verbose_name_plural = _("periodic jobs")

    def __str__(self) -> str:
        return self.name
