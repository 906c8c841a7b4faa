"""Asking for a scheduler run of the investment day: the staff's request, which the
`schedule_investment_day` task serves (`investment.schedule_day`; CP-SAT may take its whole time limit).

Rule: refused, as `schedule_day` is, once a meeting has been held or marked a no-show.
Side effects: the task, queued once the transaction commits (the run records its own audit entry).
"""

from alliance.core.tasks import enqueue_on_commit
from alliance.programs.services.investment import DEFAULT_TIME_LIMIT, refuse_once_started
from alliance.programs.tasks import schedule_investment_day


def request_scheduling(*, actor, day, time_limit: float = DEFAULT_TIME_LIMIT) -> None:
    """Queue the scheduler run for `day`."""
    refuse_once_started(day)
    actor_id = actor.pk if getattr(actor, "is_authenticated", False) else None
    enqueue_on_commit(schedule_investment_day, day_id=day.pk, actor_id=actor_id, time_limit=time_limit)
