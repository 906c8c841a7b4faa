"""The agencies app's periodic job (alliance/core/jobs.py): report reminders, checked every hour."""

import datetime

from django.utils import timezone

from alliance.agencies.services.reminders import send_due_reminders
from alliance.core.jobs import Job, register_job


def report_reminders_job() -> str:
    addressed = send_due_reminders(as_of=timezone.localdate())
    return f"{addressed} agency liaisons reminded"


def register() -> None:
    register_job(Job("agency_report_reminders", report_reminders_job, every=datetime.timedelta(hours=1)))
