"""E-mails about a filing to its contact: the agency's decision, and the periodic re-confirmation reminder."""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from alliance.core.audit import record_audit
from alliance.core.mail import send_message
from alliance.core.models import ReviewStatus
from alliance.regulation.models import Filing, FilingKind


def send_review_email(*, filing: Filing) -> int:
    """Tell the filing's contact that it was received (with its number) or returned with comments."""
    context = {
        "filing": filing,
        "returned": filing.status == ReviewStatus.RETURNED,
        "link": settings.SITE_URL + reverse("regulation:filing", args=[filing.pk]),
    }
    return send_message("regulation/email/review", context, to=[filing.contact_email])


def _period(months: int) -> datetime.timedelta:
    return datetime.timedelta(days=30 * months)  # a month of 30 days: a reminder a day early or late is fine


def due_for_reconfirmation(as_of: datetime.datetime, months: int):
    """Received new or change filings, not since changed or cancelled by a received filing, whose receipt (or
    last reminder) is at least `months` old."""
    cutoff = as_of - _period(months)
    superseded = Filing.objects.filter(status=ReviewStatus.APPLIED, changes_filing__isnull=False).values(
        "changes_filing"
    )
    return (
        Filing.objects.filter(status=ReviewStatus.APPLIED, kind__in=(FilingKind.NEW, FilingKind.CHANGE))
        .exclude(pk__in=superseded)
        .filter(reviewed_at__lte=cutoff)
        .exclude(last_reminded_at__gt=cutoff)
        .select_related("organisation")
    )


def send_reconfirmation_reminders(*, as_of: datetime.datetime | None = None) -> int:
    """When REGULATION_RECONFIRM_MONTHS is set, ask each due filing's contact to confirm it still holds (or file
    a change or cancellation). Rule: once per period per filing. Side effects: the e-mail, `last_reminded_at`,
    one audit entry per filing. Returns how many were sent."""
    months = settings.REGULATION_RECONFIRM_MONTHS
    if months <= 0:
        return 0
    as_of = as_of or timezone.now()
    sent = 0
    for filing in due_for_reconfirmation(as_of, months):
        with transaction.atomic():
            locked = Filing.objects.select_for_update().get(pk=filing.pk)
            if locked.last_reminded_at and locked.last_reminded_at > as_of - _period(months):
                continue
            locked.last_reminded_at = as_of
            locked.save(update_fields=["last_reminded_at"])
            record_audit(action="regulation.filing.reminded", actor=None, target=locked, after={"months": months})
            link = settings.SITE_URL + reverse("regulation:my_filings")
            sent += send_message(
                "regulation/email/reconfirm", {"filing": filing, "link": link}, to=[filing.contact_email]
            )
    return sent
