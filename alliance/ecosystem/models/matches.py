"""Staff's decisions whether two landscape items (or an item and a player already on the map) of one name key
but different homepages and repositories are one company (services/landscape_identity.py, issue 11).

A decision names the pair by its name key and the two URLs compared (services.landscape_identity.url_key:
host and path), kept in one order (`first` < `second`), so the pair read either way is one row. `same` is the
decision: one company (the import joins them) or two different ones (kept apart, and the notes say staff
decided so). Later imports honour it; a new decision on the pair replaces the old one (audited).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ConfirmedMatch(models.Model):
    name_key = models.CharField(_("name key"), max_length=200)
    first = models.CharField(_("first homepage or repository"), max_length=300)
    second = models.CharField(_("second homepage or repository"), max_length=300)
    same = models.BooleanField(_("one company"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"))

    class Meta:
        verbose_name = _("confirmed match")
        verbose_name_plural = _("confirmed matches")
        constraints = [
            models.UniqueConstraint(fields=["name_key", "first", "second"], name="ecosystem_confirmedmatch_once")
        ]

    def __str__(self):
        return f"{self.first} ↔ {self.second}"
