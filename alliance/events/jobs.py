"""The events app's periodic job (alliance/core/jobs.py): the day-before reminders, checked every hour."""

import datetime

from django.utils import timezone

from alliance.core.jobs import Job, register_job
from alliance.events.services.reminders import send_due_reminders


def event_reminders_job() -> str:
    reminded = send_due_reminders(as_of=timezone.localdate())
    return f"{reminded} registrations reminded"


def register() -> None:
    register_job(Job("event_reminders", event_reminders_job, every=datetime.timedelta(hours=1)))
