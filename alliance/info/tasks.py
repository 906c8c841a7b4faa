"""The information services' background work: ids in, one service call each."""

from django_tasks import task

from alliance.info.services.newsletter_feeds import fetch_feed


@task
def fetch_news_feed(feed_id: int) -> int:
    """Fetch one news feed and store its new items (the newsletter's candidate pool)."""
    return fetch_feed(feed_id=feed_id)
