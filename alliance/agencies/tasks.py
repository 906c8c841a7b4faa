"""Background work of the agencies app: ids in, one service call (queued with core.tasks.enqueue_on_commit)."""

from django_tasks import task

from alliance.agencies.models import QuarterlyReport
from alliance.agencies.services.review_emails import send_review_email as send_review_message


@task
def send_review_email(report_id: int) -> int:
    """Tell the agency's liaisons that its report was returned with comments or accepted."""
    report = QuarterlyReport.objects.select_related("agency").get(pk=report_id)
    return send_review_message(report=report)
