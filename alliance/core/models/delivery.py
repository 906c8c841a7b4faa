"""Bulk e-mail deliveries: one mailing ordered once, and one row per recipient with its state.

See `alliance.core.delivery` for the rules (claims under a lease, refusals, deferrals, back-off).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Delivery(models.Model):
    """One sending of a registered mailing (`kind`) about one object (a programme, a census round ...).

    `parameters` holds the kind's own plain values fixed at the order (a reminder number, a panel id).
    `queued_at` is when a sending run was last queued (the order, or staff's "send to the rest");
    `run_at` when a worker last started a run: a run queued after the last one started is still waiting.
    """

    kind = models.CharField(_("mailing"), max_length=60, db_index=True)
    target_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    target_id = models.PositiveBigIntegerField()
    parameters = models.JSONField(default=dict, blank=True)
    ordered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ordered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    ordered_at = models.DateTimeField(_("ordered at"))
    queued_at = models.DateTimeField(null=True, blank=True)
    run_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-ordered_at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id", "kind"], name="delivery_of_target")]
        verbose_name = _("e-mail delivery")
        verbose_name_plural = _("e-mail deliveries")

    def __str__(self):
        return f"{self.kind} #{self.pk}"


class DeliveryRecipient(models.Model):
    """One recipient of a delivery, fixed when the sending is ordered.

    `object_id` names the per-recipient object the mailing's builder makes the e-mail from (a census
    invitation); `answer` keeps the mail server's last answer (a refusal's reason, a deferral's).
    """

    class State(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENT = "sent", _("sent")
        DEFERRED = "deferred", _("deferred")
        FAILED = "failed", _("failed")
        WITHDRAWN = "withdrawn", _("no longer needed")

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="recipients")
    email = models.EmailField(_("e-mail"))
    language = models.CharField(max_length=10, blank=True)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    answer = models.CharField(_("mail server's answer"), max_length=200, blank=True)
    claimed_by = models.CharField(max_length=32, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["delivery", "state"], name="delivery_recipient_state")]
        verbose_name = _("delivery recipient")
        verbose_name_plural = _("delivery recipients")

    def __str__(self):
        return self.email
