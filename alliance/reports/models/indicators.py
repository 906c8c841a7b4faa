"""Performance indicators in the style of seed 004 (NIPA's 과제별 목표지표): a name, what it measures (지표설명), how
(지표산식), a unit, a baseline with its date (기준치), a target for each year (목표치) and the actual (실적).

An indicator is either computed from the platform's data — `source` names one of the registered functions of
queries/indicators.py (a name picked from a list, never code) — or entered by staff with evidence: each value
has its date, a note and a checked file, and the actual on a day is the latest value entered for a date of
that year on or before it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.versions import version_field
from alliance.reports.models.plan import Area

VALUE_DIGITS, VALUE_PLACES = 14, 2


class IndicatorKind(models.TextChoices):
    FORMULA = "formula", _("Computed from the platform's data")
    ENTERED = "entered", _("Entered with evidence")


class Indicator(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    area = models.CharField(_("area"), max_length=20, choices=Area.choices, default=Area.GENERAL)
    definition = models.TextField(_("definition"), blank=True)
    formula_text = models.CharField(_("formula"), max_length=300, blank=True)
    unit = models.CharField(_("unit"), max_length=20)
    kind = models.CharField(_("kind"), max_length=10, choices=IndicatorKind.choices, default=IndicatorKind.FORMULA)
    # The registered function's name (queries/indicators.py SOURCES) of a computed indicator; blank when entered.
    source = models.CharField(_("source"), max_length=50, blank=True)
    baseline = models.DecimalField(
        _("baseline"), max_digits=VALUE_DIGITS, decimal_places=VALUE_PLACES, null=True, blank=True
    )
    baseline_on = models.DateField(_("baseline as of"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    version = version_field()

    class Meta:
        ordering = ("order", "pk")
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.name


class IndicatorTarget(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    year = models.PositiveSmallIntegerField(_("year"))
    target = models.DecimalField(
        pgettext_lazy("indicator", "Target"), max_digits=VALUE_DIGITS, decimal_places=VALUE_PLACES
    )

    class Meta:
        ordering = ("indicator", "year")
        verbose_name = _("indicator target")
        verbose_name_plural = _("indicator targets")
        constraints = (models.UniqueConstraint(fields=("indicator", "year"), name="reports_target_once_a_year"),)

    def __str__(self):
        return f"{self.indicator} {self.year}"


class IndicatorValue(models.Model):
    """A value staff entered for an entered indicator, as of its date, with its evidence."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    on = models.DateField(_("as of"))
    value = models.DecimalField(_("value"), max_digits=VALUE_DIGITS, decimal_places=VALUE_PLACES)
    note = models.CharField(pgettext_lazy("indicator", "Note"), max_length=300, blank=True)
    evidence = models.FileField(_("evidence"), upload_to="reports/evidence/", blank=True)
    evidence_name = models.CharField(_("file name"), max_length=255, blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    entered_at = models.DateTimeField(_("entered at"), auto_now_add=True)

    class Meta:
        ordering = ("indicator", "on", "pk")
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")

    def __str__(self):
        return f"{self.indicator} {self.on}"
