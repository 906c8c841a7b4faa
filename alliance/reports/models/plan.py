"""The yearly plan's items staff add (추진 일정: seed 000 "2026년 추진 일정(안)"): what, in which area, planned for
which month or months, and when it was done. Everything else on the grid is read from the apps' own dated
records (queries/plan.py)."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.versions import version_field


class Area(models.TextChoices):
    """The plan's areas, in the order seed 000's plan lists them (its rows on the grid)."""

    GENERAL = "general", pgettext_lazy("plan area", "Overall")
    STEERING = "steering", pgettext_lazy("plan area", "Steering committee")
    SUBCOMMITTEES = "subcommittees", pgettext_lazy("plan area", "Subcommittees")
    COMPETITION = "competition", pgettext_lazy("plan area", "Project groups")
    AGENCIES = "agencies", pgettext_lazy("plan area", "Partner agencies")
    INFORMATION = "information", pgettext_lazy("plan area", "Information services")
    MEMBERS = "members", pgettext_lazy("plan area", "Members")
    EVENTS = "events", pgettext_lazy("plan area", "Events")


AREA_ORDER = {area: position for position, area in enumerate(Area)}


class PlanItem(models.Model):
    year = models.PositiveSmallIntegerField(_("year"))
    area = models.CharField(_("area"), max_length=20, choices=Area.choices, default=Area.GENERAL)
    title = models.CharField(_("title"), max_length=200)
    first_month = models.PositiveSmallIntegerField(_("planned from (month)"))
    last_month = models.PositiveSmallIntegerField(_("planned to (month)"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    note = models.CharField(pgettext_lazy("plan", "Note"), max_length=300, blank=True)
    # Moved on by every edit; the item's form carries it (core.versions).
    version = version_field()
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ("year", "first_month", "pk")
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")
        constraints = (
            models.CheckConstraint(
                condition=Q(first_month__gte=1, last_month__gte=F("first_month"), last_month__lte=12),
                name="reports_planitem_months",
            ),
        )

    def __str__(self):
        return f"{self.year} {self.title}"

    @property
    def months(self) -> range:
        return range(self.first_month, self.last_month + 1)
