"""Reviewed submissions: someone outside submits, staff review before it applies (alliance/core/review.py)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ReviewStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting review")
    APPLIED = "applied", _("Applied")
    REJECTED = "rejected", _("Rejected")
    RETURNED = "returned", _("Returned with comments")


class ReviewedSubmission(models.Model):
    """A submission waiting for, or carrying, a staff decision.

    `changes` records what the submission would change, {field: {"before": old, "after": new}}, for the
    before/after view (core/_review_changes.html); empty for a submission that changes nothing or whose
    content is a file. A subclass's Meta extends `ReviewedSubmission.Meta` to keep the ordering and the
    constraint that a reviewed row has its review time.
    """

    Status = ReviewStatus

    status = models.CharField(_("status"), max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.PENDING)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    # {field: {"before": ..., "after": ...}} for each value the submission changes.
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_note = models.CharField(_("review note"), max_length=300, blank=True)

    class Meta:
        abstract = True
        ordering = ["-submitted_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="pending") | Q(reviewed_at__isnull=False),
                name="%(app_label)s_%(class)s_reviewed_has_time",
            )
        ]

    @property
    def is_pending(self) -> bool:
        return self.status == ReviewStatus.PENDING
