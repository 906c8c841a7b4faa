"""Background work of the regulation app: ids in, one service call (queued with core.tasks.enqueue_on_commit)."""

from django_tasks import task

from alliance.regulation.models import Filing
from alliance.regulation.services.filing_emails import send_review_email as send_review_message


@task
def send_review_email(filing_id: int) -> int:
    """Tell the filing's contact that the agency received it or returned it with comments."""
    return send_review_message(filing=Filing.objects.select_related("organisation").get(pk=filing_id))
