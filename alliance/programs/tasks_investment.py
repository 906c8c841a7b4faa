"""Background work of the investment day: the scheduler run (CP-SAT may take its whole time limit)."""

from django_tasks import task

from alliance.core.models import User
from alliance.programs.models import InvestmentDay
from alliance.programs.services.investment import schedule_day


@task
def schedule_investment_day(day_id: int, actor_id: int | None, time_limit: float) -> dict:
    """Schedule one day (services.investment.schedule_day) and return the run's figures."""
    actor = User.objects.filter(pk=actor_id).first() if actor_id else None
    solution = schedule_day(actor=actor, day=InvestmentDay.objects.get(pk=day_id), time_limit=time_limit)
    return {"satisfied": solution.satisfied, "optimal": solution.optimal, "bound": solution.bound}
