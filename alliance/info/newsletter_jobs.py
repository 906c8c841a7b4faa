"""The newsletter's periodic jobs (registered from InfoConfig.ready; see alliance/core/jobs.py)."""

import datetime

from alliance.core.jobs import Job, register_job
from alliance.info.services.newsletter_feeds import fetch_active_feeds
from alliance.info.services.newsletter_search import index_missing_editions


def register() -> None:
    register_job(Job("info_fetch_news_feeds", fetch_active_feeds, every=datetime.timedelta(minutes=30)))
    # Editions sent through the subscribers' delivery join the web archive's search within 5 minutes.
    register_job(Job("info_index_editions", index_missing_editions, every=datetime.timedelta(minutes=5)))
