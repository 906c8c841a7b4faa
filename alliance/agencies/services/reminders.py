"""Reminders before a quarter's report deadline to the agencies that have not submitted.

Rule: a reminder goes out when the deadline is 7 days away and again 1 day away (`REMINDER_DAYS`), to the
liaisons (active accounts) of every active agency whose report for that quarter has not been submitted; each
step is sent once per deadline (`QuarterDeadline.reminded_days_before`; moving the deadline starts again), and
a job that missed a day sends the step due now, not the ones it missed. The e-mails go through the bulk
delivery (alliance/core/delivery/), which skips an agency that submitted between ordering and sending.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from alliance.agencies.models import AgencyLiaison, QuarterDeadline, QuarterlyReport, default_deadline
from alliance.core.audit import record_audit
from alliance.core.delivery.ordering import Addressee, order_delivery
from alliance.core.mail import render_message

MAILING = "agencies.report_reminder"
REMINDER_DAYS = (7, 1)


def _due_quarters(as_of: datetime.date) -> list[tuple[int, int, datetime.date, int]]:
    """(year, quarter, deadline, reminder step) of each deadline a reminder step is due for as of the day."""
    stored = {
        (row.year, row.quarter): row.due_on
        for row in QuarterDeadline.objects.filter(year__in=(as_of.year - 1, as_of.year))
    }
    due = []
    for year in (as_of.year - 1, as_of.year):
        for quarter in (1, 2, 3, 4):
            deadline = stored.get((year, quarter)) or default_deadline(year, quarter)
            days_left = (deadline - as_of).days
            steps = [step for step in REMINDER_DAYS if 0 <= days_left <= step]
            if steps:
                due.append((year, quarter, deadline, min(steps)))
    return due


def _unsubmitted_liaisons(year: int, quarter: int) -> list[AgencyLiaison]:
    submitted = QuarterlyReport.objects.filter(year=year, quarter=quarter, first_submitted_at__isnull=False)
    return list(
        AgencyLiaison.objects.filter(agency__active=True, user__is_active=True)
        .exclude(agency__in=submitted.values("agency"))
        .select_related("user", "agency")
        .order_by("agency__short_name", "user__email")
    )


def send_due_reminders(*, as_of: datetime.date) -> int:
    """Order the reminder step due today for each quarter; returns how many liaisons it addressed.

    Side effects: per quarter reminded, a Delivery of `MAILING` about its QuarterDeadline row (created with
    the default date when staff set none), the step recorded on the row, audit `agencies.reminders.sent`.
    """
    addressed = 0
    for year, quarter, deadline, step in _due_quarters(as_of):
        with transaction.atomic():
            row, _created = QuarterDeadline.objects.select_for_update().get_or_create(
                year=year, quarter=quarter, defaults={"due_on": deadline}
            )
            if row.reminded_days_before is not None and row.reminded_days_before <= step:
                continue
            liaisons = _unsubmitted_liaisons(year, quarter)
            row.reminded_days_before = step
            row.save(update_fields=["reminded_days_before"])
            if not liaisons:
                continue
            addressees = [Addressee(email=liaison.user.email, object_id=liaison.pk) for liaison in liaisons]
            order_delivery(actor=None, kind=MAILING, target=row, addressees=addressees)
            record_audit(
                action="agencies.reminders.sent",
                actor=None,
                target=row,
                after={"days_before": step, "agencies": sorted({liaison.agency.short_name for liaison in liaisons})},
            )
            addressed += len(liaisons)
    return addressed


def build_reminder(recipient, shared=None):
    """One liaison's reminder; None when the agency has submitted since the reminder was ordered."""
    liaison = AgencyLiaison.objects.select_related("agency", "user").filter(pk=recipient.object_id).first()
    row = QuarterDeadline.objects.filter(pk=recipient.delivery.target_id).first()
    if liaison is None or row is None:
        return None
    submitted = QuarterlyReport.objects.filter(
        agency=liaison.agency, year=row.year, quarter=row.quarter, first_submitted_at__isnull=False
    )
    if submitted.exists():
        return None
    link = settings.SITE_URL + reverse("agencies:report", args=[liaison.agency_id, row.year, row.quarter])
    context = {"liaison": liaison, "agency": liaison.agency, "deadline": row, "link": link}
    return render_message("agencies/email/reminder", context, to=[recipient.email], language=recipient.language)
