"""The information services' periodic jobs (alliance.core.jobs), registered from InfoConfig.ready."""

import datetime

from alliance.core.jobs import Job, register_job
from alliance.info.services.bounces import read_bounce_mailbox
from alliance.info.services.subscribers_renewal import consent_renewal_job

# ---- subscribers: the two-yearly renewal of the consent to advertising, the DSN mailbox --------------------------
register_job(Job("info_consent_renewal", consent_renewal_job, every=datetime.timedelta(hours=1)))
register_job(Job("info_bounce_mailbox", read_bounce_mailbox, every=datetime.timedelta(minutes=10)))
