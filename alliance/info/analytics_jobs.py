"""Homepage analytics' periodic job (alliance/core/jobs.py), registered from InfoConfig.ready: every hour, count
the recorded days not yet complete into the daily totals, delete raw views past ANALYTICS_RAW_DAYS and the
salts of past days (`manage.py count_visits` does the same by hand)."""

import datetime

from alliance.core.jobs import Job, register_job
from alliance.info.services.analytics_visits import count_recorded_days

register_job(Job("info_count_visits", count_recorded_days, every=datetime.timedelta(hours=1)))
