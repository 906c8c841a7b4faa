"""The report archive's periodic jobs (registered from InfoConfig.ready; see alliance/core/jobs.py)."""

import datetime

from alliance.core.jobs import Job, register_job
from alliance.info.services.archive_index import index_missing_reports


def register() -> None:
    # A report the index lacks (written outside the services) joins the search, a deleted one leaves it,
    # within 5 minutes.
    register_job(Job("info_index_reports", index_missing_reports, every=datetime.timedelta(minutes=5)))
