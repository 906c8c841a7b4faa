"""The information services' background work: ids in, one service call each."""

from django_tasks import task

from alliance.info.services.archive_extraction import extract_report_file
from alliance.info.services.newsletter_feeds import fetch_feed
from alliance.info.services.subscribers_mail import send_confirmation_email


@task
def fetch_news_feed(feed_id: int) -> int:
    """Fetch one news feed and store its new items (the newsletter's candidate pool)."""
    return fetch_feed(feed_id=feed_id)


# ---- subscribers ------------------------------------------------------------------------------------------------


@task
def send_subscription_confirmation(subscriber_id: int) -> int:
    """E-mail the double opt-in confirmation link to one pending subscriber."""
    return send_confirmation_email(subscriber_id=subscriber_id)


@task
def extract_report_file_text(file_id: int) -> str:
    """Extract one archive file's text and record the outcome (alliance/info/services/archive_extraction.py)."""
    return extract_report_file(file_id=file_id)
