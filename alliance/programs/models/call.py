"""Who the call announcement goes to, and whose e-mail the mail server has accepted."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CallRecipient(models.Model):
    """One address the programme's call is announced to, fixed when staff announce it.

    `sent_at` is set once the mail server has accepted the e-mail, so a send that stops part-way can be
    resumed for the others alone; `refused` keeps the mail server's answer when it refused the address for
    good (no such mailbox), which is not tried again. A sending run claims a batch (`claimed_by`,
    `claimed_at`) before it sends, so two runs never send the same e-mail; a claim older than the lease is
    free again.
    """

    programme = models.ForeignKey(
        "programs.Programme", verbose_name=_("programme"), on_delete=models.CASCADE, related_name="call_recipients"
    )
    email = models.EmailField(_("e-mail"))
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    refused = models.CharField(_("refused by the mail server"), max_length=200, blank=True)
    claimed_by = models.CharField(max_length=32, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "email"], name="call_recipient_once_per_programme"),
        ]
        indexes = [models.Index(fields=["programme", "sent_at"], name="call_recipient_pending")]
        verbose_name = _("call recipient")
        verbose_name_plural = _("call recipients")

    def __str__(self):
        return self.email
