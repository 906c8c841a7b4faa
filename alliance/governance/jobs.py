"""The governance app's periodic jobs (alliance/core/jobs.py), registered from GovernanceConfig.ready."""

import datetime

from alliance.core.jobs import Job, register_job
from alliance.governance.services.invitations import REMINDER_DAYS, remind_due_meetings


def meeting_reminders_job() -> str:
    """Remind the seat holders who have not answered, REMINDER_DAYS before their meeting (once)."""
    return f"{remind_due_meetings()} meeting reminders ordered ({REMINDER_DAYS} days ahead)"


register_job(Job("governance_meeting_reminders", meeting_reminders_job, every=datetime.timedelta(hours=1)))
