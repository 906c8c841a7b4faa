"""Background work of the programs app. Each task takes ids, loads, and calls one service.

With the default `immediate` backend they run in the request; with TASKS_BACKEND=database a
`manage.py db_worker` process takes them.
"""

from django.db import transaction
from django_tasks import task

from alliance.core.models import User
from alliance.programs.models import InvestmentDay
from alliance.programs.services.investment import schedule_day


def enqueue_on_commit(task_name: str, *args) -> None:
    """Queue this module's task `task_name` with `args` (ids) once the current transaction commits, so that
    a rolled-back change queues nothing."""
    transaction.on_commit(lambda: globals()[task_name].enqueue(*args))


@task
def send_receipt_email(group_id: int) -> int:
    """E-mail the submission receipt of one group's proposal (services.applications.send_receipt_email)."""
    from alliance.programs.models import ProjectGroup  # noqa: PLC0415  a transactional e-mail task and its service import each other (not yet split)
    from alliance.programs.services.application_emails import send_receipt_email as send  # noqa: PLC0415  a transactional e-mail task and its service import each other (not yet split)

    group = ProjectGroup.objects.select_related("programme", "track", "lead", "proposal").get(pk=group_id)
    return send(group=group)


@task
def send_partner_invitation_email(group_id: int, organisation_id: int) -> int:
    """Ask one invited partner to confirm its place (services.application_emails)."""
    from alliance.programs.models import ProjectGroup  # noqa: PLC0415  a transactional e-mail task and its service import each other (not yet split)
    from alliance.programs.services.application_emails import send_partner_invitation_email as send  # noqa: PLC0415  a transactional e-mail task and its service import each other (not yet split)

    group = ProjectGroup.objects.select_related("programme", "lead").get(pk=group_id)
    return send(group=group, organisation_id=organisation_id)


@task
def send_extension_email(extension_id: int) -> int:
    """Tell a group that its deadline was extended (services.application_emails)."""
    from alliance.programs.models import DeadlineExtension  # noqa: PLC0415  a transactional e-mail task and its service import each other (not yet split)
    from alliance.programs.services.application_emails import send_extension_email as send  # noqa: PLC0415  a transactional e-mail task and its service import each other (not yet split)

    extension = DeadlineExtension.objects.select_related("group__programme", "group__lead").get(pk=extension_id)
    return send(group=extension.group, until=extension.until)


@task
def send_session_email(session_id: int) -> int:
    """Tell the mentor and the group when a mentoring session takes place (services.application_emails)."""
    from alliance.programs.models import MentoringSession  # noqa: PLC0415  a transactional e-mail task and its service import each other (not yet split)
    from alliance.programs.services.application_emails import send_session_email as send  # noqa: PLC0415  a transactional e-mail task and its service import each other (not yet split)

    session = MentoringSession.objects.select_related("group__programme", "group__lead", "mentor__user").get(
        pk=session_id
    )
    return send(session=session)


@task
def send_objection_answer_email(objection_id: int) -> int:
    """Tell a group the secretariat's answer to its objection (services.stage_emails)."""
    from alliance.programs.models import Objection  # noqa: PLC0415  a transactional e-mail task and its service import each other (not yet split)
    from alliance.programs.services.stage_emails import send_objection_answer_email as send  # noqa: PLC0415  a transactional e-mail task and its service import each other (not yet split)

    objection = Objection.objects.select_related("panel__programme", "group__programme", "lodged_by").get(
        pk=objection_id
    )
    return send(objection=objection)


@task
def schedule_investment_day(day_id: int, actor_id: int | None, time_limit: float) -> dict:
    """Schedule one day (services.investment.schedule_day) and return the run's figures."""
    actor = User.objects.filter(pk=actor_id).first() if actor_id else None
    solution = schedule_day(actor=actor, day=InvestmentDay.objects.get(pk=day_id), time_limit=time_limit)
    return {"satisfied": solution.satisfied, "optimal": solution.optimal, "bound": solution.bound}
