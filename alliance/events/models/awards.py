"""The results-sharing day's awards (시상식) and its IR pitching order.

An award is either a competition winner taken over from programs (`winner` set: the group, its place and award
name as the final ranking decided) or one staff enter (유공단체 표창, 자율규제 우수사업자 …). The IR pitching demo
day is a list of slots in order, each a competition group (or a company staff name) with its start time and
minutes."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.bounds import bounded

SLOT_MINUTES_MAX = 240
POSITION_MAX = 1000


class EventAward(models.Model):
    class Category(models.TextChoices):
        COMPETITION = "competition", pgettext_lazy("award category", "Outstanding project group")
        MERIT = "merit", pgettext_lazy("award category", "Merit citation (유공단체 표창)")
        SELF_REGULATION = (
            "self_regulation",
            pgettext_lazy("award category", "Outstanding self-regulating operator (자율규제 우수사업자)"),
        )
        OTHER = "other", pgettext_lazy("award category", "Other award")

    event = models.ForeignKey("events.Event", verbose_name=_("event"), on_delete=models.CASCADE, related_name="awards")
    category = models.CharField(_("category"), max_length=20, choices=Category.choices, default=Category.OTHER)
    award_name = models.CharField(_("award"), max_length=200)
    presented_by = models.CharField(_("presented by"), max_length=200, blank=True)
    recipient = models.CharField(_("recipient"), max_length=200)
    organisation = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("member organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Set for an award taken over from the competition's final ranking.
    winner = models.ForeignKey(
        "programs.Winner", verbose_name=_("winner"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0, validators=bounded(POSITION_MAX))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("event", "position", "pk")
        verbose_name = _("event award")
        verbose_name_plural = _("event awards")
        constraints = (
            models.UniqueConstraint(
                fields=("event", "winner"), condition=Q(winner__isnull=False), name="events_award_winner_once"
            ),
        )

    def __str__(self):
        return f"{self.award_name} · {self.recipient}"


class PitchSlot(models.Model):
    """One company's or group's slot in the IR pitching session, in `position` order."""

    event = models.ForeignKey(
        "events.Event", verbose_name=_("event"), on_delete=models.CASCADE, related_name="pitch_slots"
    )
    position = models.PositiveSmallIntegerField(_("order"), validators=bounded(POSITION_MAX))
    group = models.ForeignKey(
        "programs.ProjectGroup",
        verbose_name=_("project group"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    presenter = models.CharField(_("company or group"), max_length=200)
    starts_at = models.TimeField(_("start time"))
    minutes = models.PositiveSmallIntegerField(_("minutes"), validators=bounded(SLOT_MINUTES_MAX))
    room = models.CharField(_("room"), max_length=100, blank=True)

    class Meta:
        ordering = ("event", "position")
        verbose_name = _("IR pitching slot")
        verbose_name_plural = _("IR pitching slots")
        constraints = (models.UniqueConstraint(fields=("event", "position"), name="events_pitch_position_unique"),)

    def __str__(self):
        return f"{self.position}. {self.presenter}"
