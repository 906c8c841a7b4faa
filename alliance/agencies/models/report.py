"""Quarterly activity reports: per plan item what the agency did in the quarter, reviewed by staff."""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.agencies.models.agency import Agency
from alliance.agencies.models.plan import PlanItem
from alliance.core.models import ReviewedSubmission, ReviewStatus
from alliance.core.versions import version_field

QUARTERS = (1, 2, 3, 4)
QUARTER = [MinValueValidator(1), MaxValueValidator(4)]


def default_deadline(year: int, quarter: int) -> datetime.date:
    """The 10th of the month after the quarter (Q4: 10 January of the next year)."""
    return datetime.date(year + 1, 1, 10) if quarter == 4 else datetime.date(year, 3 * quarter + 1, 10)


class QuarterDeadline(models.Model):
    """The deadline staff set for one quarter's reports (without a row: `default_deadline`), and how far the
    reminders have gone (the smallest number of days before the deadline a reminder was sent at)."""

    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(_("quarter"), validators=QUARTER)
    due_on = models.DateField(_("deadline"))
    reminded_days_before = models.PositiveSmallIntegerField(null=True, blank=True)
    # Moved on by every change of the date; the year's deadline form carries the sum over the year's rows
    # (queries.deadlines_version, core.versions).
    version = version_field()

    class Meta:
        ordering = ["year", "quarter"]
        constraints = [models.UniqueConstraint(fields=["year", "quarter"], name="agencies_one_deadline_a_quarter")]
        verbose_name = _("report deadline")
        verbose_name_plural = _("report deadlines")

    def __str__(self):
        return f"{self.year} Q{self.quarter}"


class QuarterlyReport(ReviewedSubmission):
    """One agency's report for one quarter.

    Review status, reviewer, time and note from ReviewedSubmission (alliance/core/review.py): a report not yet
    submitted is a draft (pending with no `submitted_at`); submitting makes it pending review; staff return it
    with comments or accept it (applied). `first_submitted_at` decides whether it came in late.
    """

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="reports")
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(_("quarter"), validators=QUARTER)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    first_submitted_at = models.DateTimeField(_("first submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta(ReviewedSubmission.Meta):
        ordering = ["-year", "-quarter", "agency__short_name"]
        constraints = [
            *ReviewedSubmission.Meta.constraints,
            models.UniqueConstraint(fields=["agency", "year", "quarter"], name="agencies_one_report_a_quarter"),
        ]
        verbose_name = _("quarterly report")
        verbose_name_plural = _("quarterly reports")

    def __str__(self):
        return f"{self.agency} {self.year} Q{self.quarter}"

    @property
    def is_draft(self) -> bool:
        return self.status == ReviewStatus.PENDING and self.submitted_at is None

    @property
    def awaits_review(self) -> bool:
        return self.status == ReviewStatus.PENDING and self.submitted_at is not None

    @property
    def editable(self) -> bool:
        """The liaison may change it: a draft, or a report returned with comments."""
        return self.is_draft or self.status == ReviewStatus.RETURNED


class ReportEntry(models.Model):
    """What was done for one plan item in the quarter."""

    report = models.ForeignKey(QuarterlyReport, on_delete=models.CASCADE, related_name="entries")
    plan_item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="report_entries")
    text = models.TextField(_("what was done"), max_length=3000, blank=True)
    started_on = models.DateField(_("started on"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    figures = models.CharField(
        _("figures"), max_length=200, blank=True, help_text=_("For example: 12 organisations took part")
    )
    # The entry form's lost-update check (core.versions): an agency has several liaisons.
    version = version_field()

    class Meta:
        ordering = ["plan_item__heading", "plan_item__start_month", "plan_item__pk"]
        constraints = [models.UniqueConstraint(fields=["report", "plan_item"], name="agencies_one_entry_an_item")]
        verbose_name = _("report entry")
        verbose_name_plural = _("report entries")

    def __str__(self):
        return f"{self.report} · {self.plan_item_id}"


class ReportFile(models.Model):
    """A photo or a document attached to one entry (checked by content on upload)."""

    class Kind(models.TextChoices):
        PHOTO = "photo", _("Photo")
        DOCUMENT = "document", _("Document")

    entry = models.ForeignKey(ReportEntry, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to="agencies/reports/%Y/", max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("report file")
        verbose_name_plural = _("report files")

    def __str__(self):
        return self.original_name
