"""The newsletter's periodic jobs (registered from InfoConfig.ready; see alliance/core/jobs.py)."""

import datetime

from alliance.core.jobs import Job, register_job
from alliance.info.services.newsletter_feeds import fetch_active_feeds


def register() -> None:
    register_job(Job("info_fetch_news_feeds", fetch_active_feeds, every=datetime.timedelta(minutes=30)))
