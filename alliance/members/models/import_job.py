"""A registry import started from the staff page, whose progress the page polls."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportJob(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        VALIDATING = "validating", _("Validating")
        WRITING = "writing", _("Writing")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    upload = models.FileField(upload_to="imports/")
    original_name = models.CharField(_("file"), max_length=255)
    dry_run = models.BooleanField(_("check only"), default=False)
    skip_invalid = models.BooleanField(_("import valid rows, skip invalid ones"), default=False)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.QUEUED)
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    unchanged_count = models.PositiveIntegerField(default=0)
    rejected_count = models.PositiveIntegerField(default=0)
    # One dict per problem, with the keys row, column and message; a note (an ignored column) also has
    # "note": true and is no problem: `row_problems` and `notes` tell them apart.
    problems = models.JSONField(default=list, blank=True)
    rejected_report = models.FileField(upload_to="imports/reports/", blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self):
        return self.original_name

    @property
    def row_problems(self) -> list[dict]:
        return [problem for problem in self.problems if not problem.get("note")]

    @property
    def notes(self) -> list[str]:
        return [problem["message"] for problem in self.problems if problem.get("note")]

    @property
    def percent(self) -> int:
        if not self.total_rows:
            return 100 if self.status in {self.Status.DONE, self.Status.FAILED} else 0
        return min(100, round(self.processed_rows * 100 / self.total_rows))
