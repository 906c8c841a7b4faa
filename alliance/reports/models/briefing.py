"""A stored quarterly briefing: generated from live data, its text edited by staff, then frozen as sent.

`content` holds the document model (`queries.briefing.document.Briefing.as_dict()`): generation replaces it,
an edit rewrites one section's paragraphs; `version` (core.versions) guards two staff editing at once. Freezing
(when the meeting is held) writes the three files (`BriefingFile`) from the content and locks it: later data
changes never alter a frozen briefing, and its downloads are the stored files.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alliance.core.versions import version_field

QUARTER = [MinValueValidator(1), MaxValueValidator(4)]
YEAR = [MinValueValidator(2000), MaxValueValidator(2100)]


class QuarterlyBriefing(models.Model):
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR)
    quarter = models.PositiveSmallIntegerField(_("quarter"), validators=QUARTER)
    meeting = models.ForeignKey(
        "governance.Meeting",
        verbose_name=_("steering committee meeting"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=300)
    content = models.JSONField(_("content"), default=dict)
    version = version_field()
    generated_at = models.DateTimeField(_("generated at"))
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    frozen_at = models.DateTimeField(_("frozen at"), null=True, blank=True)
    frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-year", "-quarter", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "quarter", "meeting"],
                condition=Q(meeting__isnull=False),
                name="reports_briefing_one_per_meeting",
            ),
            models.UniqueConstraint(
                fields=["year", "quarter"],
                condition=Q(meeting__isnull=True),
                name="reports_briefing_one_without_meeting",
            ),
        ]
        verbose_name = _("quarterly briefing")
        verbose_name_plural = _("quarterly briefings")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("reports:briefing", args=[self.pk])

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None


class BriefingFile(models.Model):
    """One format of a frozen briefing, as sent."""

    briefing = models.ForeignKey(QuarterlyBriefing, on_delete=models.CASCADE, related_name="files")
    format = models.CharField(_("format"), max_length=10)
    file = models.FileField(_("file"), upload_to="reports/briefings/%Y/")
    size = models.PositiveIntegerField(_("size"))

    class Meta:
        ordering = ["briefing", "format"]
        constraints = [models.UniqueConstraint(fields=["briefing", "format"], name="reports_briefing_file_once")]
        verbose_name = _("briefing file")
        verbose_name_plural = _("briefing files")

    def __str__(self):
        return f"{self.briefing} ({self.format})"
