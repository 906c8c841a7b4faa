"""The privacy policy (개인정보처리방침): every saved version is kept, each with the date it takes effect."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PrivacyPolicyQuerySet(models.QuerySet):
    def in_effect_on(self, day):
        """Versions that had taken effect by `day`, the current one first."""
        return self.filter(effective_on__lte=day).order_by("-effective_on", "-version")


class PrivacyPolicy(models.Model):
    version = models.PositiveIntegerField(_("version"), unique=True)
    effective_on = models.DateField(_("effective date"))
    body = models.TextField(_("text"))
    created_at = models.DateTimeField(_("saved"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = PrivacyPolicyQuerySet.as_manager()

    class Meta:
        ordering = ["-version"]
        verbose_name = _("privacy policy")
        verbose_name_plural = _("privacy policy versions")

    def __str__(self):
        return str(_("Privacy policy version %(version)s") % {"version": self.version})
