"""The operating rules (운영규정), versioned: each amendment is a steering decision and a new version."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.governance.models.meetings import Decision


class RulesVersion(models.Model):
    number = models.PositiveSmallIntegerField(_("version"), unique=True)
    text = models.TextField(_("text of the rules"))
    effective_on = models.DateField(_("in force from"))
    # The steering decision that amended the rules (none for the first version entered from paper).
    decision = models.ForeignKey(
        Decision, verbose_name=_("amended by"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    summary = models.CharField(_("what changed"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.SET_NULL, null=True
    )
    created_at = models.DateTimeField(_("recorded at"))

    class Meta:
        verbose_name = _("operating rules version")
        verbose_name_plural = _("operating rules versions")
        ordering = ("-number",)

    def __str__(self):
        return f"운영규정 v{self.number}"
