"""The subscribers' periodic jobs (registered from InfoConfig.ready; see alliance/core/jobs.py): the scheduled
send of due editions, the two-yearly renewal of the consent to advertising, and the DSN mailbox."""

import datetime

from alliance.core.jobs import Job, register_job
from alliance.info.services.bounces import read_bounce_mailbox
from alliance.info.services.newsletter_delivery import send_scheduled_editions
from alliance.info.services.subscribers_renewal import consent_renewal_job


def register() -> None:
    register_job(Job("info_newsletter_scheduled", send_scheduled_editions, every=datetime.timedelta(minutes=1)))
    register_job(Job("info_consent_renewal", consent_renewal_job, every=datetime.timedelta(hours=1)))
    register_job(Job("info_bounce_mailbox", read_bounce_mailbox, every=datetime.timedelta(minutes=10)))
