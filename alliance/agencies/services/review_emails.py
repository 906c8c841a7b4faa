"""The e-mail telling an agency's liaisons what staff decided on its report (worker side: called by the task
`agencies.tasks.send_review_email`; never imports the tasks)."""

from django.conf import settings
from django.urls import reverse

from alliance.agencies.models import QuarterlyReport
from alliance.core.mail import send_message
from alliance.core.models import ReviewStatus


def send_review_email(*, report: QuarterlyReport) -> int:
    """Rule: the active liaisons of the report's agency, when the report was returned or accepted.
    Returns how many were written to."""
    if report.status not in (ReviewStatus.RETURNED, ReviewStatus.APPLIED):
        return 0
    liaisons = report.agency.liaisons.filter(user__is_active=True).select_related("user").order_by("user__email")
    recipients = [liaison.user.email for liaison in liaisons]
    link = settings.SITE_URL + reverse("agencies:report", args=[report.agency_id, report.year, report.quarter])
    context = {"report": report, "agency": report.agency, "returned": report.status == ReviewStatus.RETURNED}
    return send_message("agencies/email/review", context | {"link": link}, to=recipients)
