"""The row behind a personal link (alliance/core/links.py): an invitation e-mailed to one address."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.core.links import personal_token


class PersonalLinkInvitation(models.Model):
    """One recipient's personal link. Only the hash of the link's token is stored.

    A subclass names its own `LINK_PURPOSE` (the HMAC salt of its tokens; public by design) and adds the
    foreign keys that say what the link is for (a census round and an organisation, a survey and a player).
    """

    LINK_PURPOSE = ""

    email = models.EmailField(_("sent to"))
    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField(_("link expires at"))
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    responded_at = models.DateTimeField(_("responded at"), null=True, blank=True)

    class Meta:
        abstract = True

    def link_token(self) -> str:
        """The token of this row's link (it must have been sent: `sent_at` fixes it)."""
        if not self.LINK_PURPOSE:
            raise NotImplementedError(f"{type(self).__name__} must set LINK_PURPOSE")
        return personal_token(purpose=self.LINK_PURPOSE, pk=self.pk, sent_at=self.sent_at)


class RemindedPersonalLinkInvitation(PersonalLinkInvitation):
    """A personal link that reminders can revive (`alliance.core.links.revive_link`)."""

    reminder_count = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    last_reminded_at = models.DateTimeField(_("last reminded at"), null=True, blank=True)

    class Meta:
        abstract = True


class PersonalLinkRound(models.Model):
    """What a set of personal links answers (a census round, a map survey): open until staff close it, and
    its links stop at the end of its closing date at the latest."""

    title = models.CharField(_("title"), max_length=200)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    opened_at = models.DateTimeField(_("opened at"), auto_now_add=True)
    closes_on = models.DateField(_("closes on"))
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-opened_at"]

    def __str__(self):
        return self.title

    @property
    def is_open(self) -> bool:
        return self.closed_at is None
