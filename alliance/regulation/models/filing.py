"""Platform operators' filings (가상융합 플랫폼 사업자 신고, 가상융합산업 진흥법 제9조) and their receipt numbers.

A filing is a reviewed submission (alliance/core/review.py) reviewed by the delegated agency's liaison: a draft is
pending with no `submitted_at`; submitted it waits for review; the liaison returns it with comments (the company
edits and submits again) or receives it (applied: numbered, with a receipt certificate and a public check link).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.bounds import bounded
from alliance.core.models import ReviewedSubmission, ReviewStatus
from alliance.core.versions import version_field

REVENUE_WON_MAX = 10**15  # KRW: far above any company's revenue
THRESHOLD_WON = 100_000_000  # 1억원: operators at or above it must file (제9조)


class FilingKind(models.TextChoices):
    NEW = "new", pgettext_lazy("filing", "New filing")
    CHANGE = "change", pgettext_lazy("filing", "Change")
    CANCEL = "cancel", pgettext_lazy("filing", "Cancellation")


class PlatformType(models.TextChoices):
    EDUCATION = "education", _("Education / learning")
    MEDICAL = "medical", _("Medical / health")
    EXHIBITION = "exhibition", _("Exhibition / promotion")
    BUSINESS = "business", _("Business work")
    INDUSTRIAL = "industrial", _("Industrial technology")
    SOCIAL = "social", _("Social network")


class FilingState(models.TextChoices):
    """What a filing's page says (derived from the review status and the submission time)."""

    DRAFT = "draft", pgettext_lazy("filing", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("filing", "Under review")
    RETURNED = "returned", pgettext_lazy("filing", "Returned with comments")
    RECEIVED = "received", pgettext_lazy("filing", "Received")


class Filing(ReviewedSubmission):
    organisation = models.ForeignKey(
        "members.Organisation", verbose_name=_("member company"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("filing type"), max_length=10, choices=FilingKind.choices, default=FilingKind.NEW)
    # A change or cancellation refers to the received filing it changes.
    changes_filing = models.ForeignKey(
        "self",
        verbose_name=_("filing it changes"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="later_filings",
    )
    platform_name = models.CharField(_("platform name"), max_length=200)
    address = models.CharField(_("address or app"), max_length=300)
    description = models.TextField(_("description"), max_length=3000)
    platform_type = models.CharField(_("platform type"), max_length=20, choices=PlatformType.choices)
    revenue_year = models.PositiveSmallIntegerField(_("revenue year"))
    revenue_won = models.BigIntegerField(_("previous-year revenue (KRW)"), validators=bounded(REVENUE_WON_MAX))
    evidence = models.FileField(_("revenue evidence"), upload_to="regulation/evidence/%Y/", max_length=200, blank=True)
    evidence_name = models.CharField(max_length=200, blank=True)
    contact_name = models.CharField(_("contact name"), max_length=100)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Given at receipt: the year's sequential number and the public check page's unguessable key.
    year = models.PositiveSmallIntegerField(_("receipt year"), null=True, blank=True)
    number = models.PositiveIntegerField(_("receipt number"), null=True, blank=True)
    check_token = models.CharField(max_length=64, null=True, blank=True, unique=True)
    last_reminded_at = models.DateTimeField(null=True, blank=True)
    # Moved on by every save of the company's form (its representatives may edit at once; core.versions).
    version = version_field()

    class Meta(ReviewedSubmission.Meta):
        ordering = ["-created_at", "-pk"]
        constraints = [
            *ReviewedSubmission.Meta.constraints,
            models.UniqueConstraint(fields=["year", "number"], name="regulation_filing_number_unique"),
            models.CheckConstraint(
                condition=Q(kind="new") | Q(changes_filing__isnull=False), name="regulation_change_refers"
            ),
        ]
        verbose_name = _("platform filing")
        verbose_name_plural = _("platform filings")

    def __str__(self):
        return f"{self.platform_name} ({self.get_kind_display()})"

    def get_absolute_url(self):
        return reverse("regulation:filing", args=[self.pk])

    @property
    def state(self) -> str:
        if self.status == ReviewStatus.APPLIED:
            return FilingState.RECEIVED
        if self.status == ReviewStatus.RETURNED:
            return FilingState.RETURNED
        return FilingState.SUBMITTED if self.submitted_at else FilingState.DRAFT

    def get_state_display(self) -> str:
        return str(FilingState(self.state).label)

    @property
    def receipt_number(self) -> str:
        """제2026-0007호 style, empty before receipt."""
        return f"제{self.year}-{self.number:04d}호" if self.number else ""

    @property
    def below_threshold(self) -> bool:
        return self.revenue_won is not None and self.revenue_won < THRESHOLD_WON


class FilingNumber(models.Model):
    """The last receipt number given in a year; its row is locked while the next number is taken, so two
    receipts at once never get the same number."""

    year = models.PositiveSmallIntegerField(unique=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last}"
