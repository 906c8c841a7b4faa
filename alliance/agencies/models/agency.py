"""Partner agencies (유관기관) and the accounts that speak for them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Agency(models.Model):
    """A partner agency (NIPA, RAPA, IITP ...): its yearly linkage plans and quarterly reports hang on it."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    short_name = models.CharField(_("short name"), max_length=20, unique=True)
    homepage = models.URLField(_("homepage"), blank=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["short_name"]
        verbose_name = _("partner agency")
        verbose_name_plural = _("partner agencies")

    def __str__(self):
        return self.short_name


class AgencyLiaison(models.Model):
    """A user with the agency role who speaks for ONE agency: they see that agency's pages and no other's."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agency_liaison")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="liaisons")

    class Meta:
        verbose_name = _("agency liaison")
        verbose_name_plural = _("agency liaisons")

    def __str__(self):
        return f"{self.agency} · {self.user}"
