"""An agency's yearly linkage plan (연계·지원 방안): items under the four headings of the steering papers."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from alliance.agencies.models.agency import Agency
from alliance.core.versions import version_field

MONTH = [MinValueValidator(1), MaxValueValidator(12)]


class Heading(models.TextChoices):
    INFORMATION = "information", _("Information")
    BUSINESS = "business", _("Business linkage")
    POLICY = "policy", _("Policy support")
    OUTREACH = "outreach", _("Outreach")


class LinkagePlan(models.Model):
    """One agency's plan for one year; the liaison drafts and submits it, staff may edit it at any time."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="plans")
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    class Meta:
        ordering = ["-year", "agency__short_name"]
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="agencies_one_plan_a_year")]
        verbose_name = _("linkage plan")
        verbose_name_plural = _("linkage plans")

    def __str__(self):
        return f"{self.agency} {self.year}"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class PlanItem(models.Model):
    """One thing the agency plans to do, in months of the plan's year, optionally linked to a platform page."""

    plan = models.ForeignKey(LinkagePlan, on_delete=models.CASCADE, related_name="items")
    heading = models.CharField(_("heading"), max_length=12, choices=Heading.choices)
    text = models.TextField(_("what the agency will do"), max_length=2000)
    start_month = models.PositiveSmallIntegerField(_("from month"), validators=MONTH)
    end_month = models.PositiveSmallIntegerField(_("to month"), validators=MONTH)
    link_url = models.URLField(_("linked page"), blank=True)
    link_label = models.CharField(_("link label"), max_length=100, blank=True)
    # Moved on by every edit; the item's form carries it (core.versions): the liaison and staff both edit it.
    version = version_field()

    class Meta:
        ordering = ["plan", "heading", "start_month", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(end_month__gte=F("start_month")), name="agencies_item_period_order")
        ]
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")

    def __str__(self):
        return f"{self.get_heading_display()} · {self.text[:40]}"

    @property
    def period(self) -> str:
        """The period as the steering papers write it: '26.6~12, or '26.6 for one month."""
        start = f"'{self.plan.year % 100:02d}.{self.start_month}"
        return start if self.end_month == self.start_month else f"{start}~{self.end_month}"

    def runs_in_quarter(self, quarter: int) -> bool:
        first, last = 3 * quarter - 2, 3 * quarter
        return self.start_month <= last and self.end_month >= first
