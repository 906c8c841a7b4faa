"""The post-award support record (DOMAIN.md §3): the benefits a programme offers its winners — bonus points in
government programmes (NIPA, RAPA: e.g. +1 when an awardee applies as lead company), an exhibition booth and
a talk at the KMF, a press release — as data, each granted to each winner with a number, and later whether the
awardee used it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.versions import version_field


class BenefitKind(models.TextChoices):
    BONUS_POINTS = "bonus_points", _("Bonus-point certificate")
    BOOTH = "booth", _("Exhibition booth")
    TALK = "talk", pgettext_lazy("support benefit", "Talk")
    PRESS = "press", _("Press release")


class SupportBenefit(models.Model):
    """One benefit a programme offers every winner; the seed's are created with the programme
    (default_rubric.BENEFITS) and staff add others."""

    programme = models.ForeignKey(
        "programs.Programme", verbose_name=_("programme"), on_delete=models.CASCADE, related_name="benefits"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=BenefitKind.choices)
    # Short and unique in the programme: it numbers the certificates (2026-NIPA-001).
    code = models.CharField(_("code"), max_length=12)
    name = models.CharField(_("benefit"), max_length=200)
    granting_body = models.CharField(_("granting body"), max_length=100, blank=True)
    applies_to = models.CharField(_("applies to"), max_length=300, blank=True)
    points = models.DecimalField(_("bonus points"), max_digits=4, decimal_places=1, null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["programme", "position", "pk"]
        verbose_name = _("support benefit")
        verbose_name_plural = _("support benefits")
        constraints = [
            models.UniqueConstraint(fields=["programme", "code"], name="programs_benefit_code_unique"),
            models.CheckConstraint(
                condition=~Q(kind="bonus_points") | (Q(points__gt=0) & ~Q(granting_body="")),
                name="programs_bonus_has_points_and_body",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_bonus_points(self) -> bool:
        return self.kind == BenefitKind.BONUS_POINTS


class SupportGrant(models.Model):
    """A benefit granted to one winner: its number and issue date, then whether the awardee used it."""

    class Use(models.TextChoices):
        PENDING = "pending", _("Not known yet")
        USED = "used", pgettext_lazy("support benefit", "Used")
        NOT_USED = "not_used", pgettext_lazy("support benefit", "Not used")

    benefit = models.ForeignKey(
        SupportBenefit, verbose_name=_("benefit"), on_delete=models.PROTECT, related_name="grants"
    )
    # Winners no longer change once released, and only released winners are granted benefits.
    winner = models.ForeignKey(
        "programs.Winner", verbose_name=_("winner"), on_delete=models.PROTECT, related_name="support_grants"
    )
    number = models.CharField(_("certificate number"), max_length=40, unique=True)
    issued_on = models.DateField(_("issued on"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    use = models.CharField(_("use"), max_length=10, choices=Use.choices, default=Use.PENDING)
    used_on = models.DateField(_("used on"), null=True, blank=True)
    # Where and for what it was used (the programme applied to), or why it was not.
    used_for = models.CharField(_("where and for what"), max_length=300, blank=True)
    use_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    use_recorded_at = models.DateTimeField(null=True, blank=True)
    # Moved on by every record of the use; the use form carries it (core.versions).
    version = version_field()

    class Meta:
        ordering = ["benefit__position", "number"]
        verbose_name = _("support granted")
        verbose_name_plural = _("support granted")
        constraints = [
            models.UniqueConstraint(fields=["benefit", "winner"], name="programs_grant_once_per_winner"),
            models.CheckConstraint(
                condition=~Q(use="used") | (Q(used_on__isnull=False) & ~Q(used_for="")),
                name="programs_used_grant_has_date_and_place",
            ),
        ]

    def __str__(self):
        return f"{self.number} · {self.benefit.name}"
