"""The regulation app's periodic job (alliance/core/jobs.py): filings' re-confirmation reminders, checked daily
(nothing is sent unless REGULATION_RECONFIRM_MONTHS is set)."""

import datetime

from alliance.core.jobs import Job, register_job
from alliance.regulation.services.filing_emails import send_reconfirmation_reminders


def reconfirmation_job() -> str:
    return f"{send_reconfirmation_reminders()} filing contacts reminded"


def register() -> None:
    register_job(Job("regulation_reconfirmation", reconfirmation_job, every=datetime.timedelta(days=1)))
