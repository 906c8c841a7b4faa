"""Background work of the programs app. Each task takes ids, loads, and calls one service.

With the default `immediate` backend they run in the request; with TASKS_BACKEND=database a
`manage.py db_worker` process takes them.

Services queue these tasks with `alliance.core.tasks.enqueue_on_commit(task, **ids)`; the tasks call the
worker-side sending functions (`services.application_emails`, `services.stage_emails`), which never import
this module, so the dependency points one way.
"""

from django_tasks import task

from alliance.core.models import User
from alliance.programs.models import DeadlineExtension, InvestmentDay, MentoringSession, Objection, ProjectGroup
from alliance.programs.services import application_emails, stage_emails
from alliance.programs.services.investment import schedule_day


@task
def send_receipt_email(group_id: int) -> int:
    """E-mail the submission receipt of one group's proposal (services.applications.send_receipt_email)."""

    group = ProjectGroup.objects.select_related("programme", "track", "lead", "proposal").get(pk=group_id)
    return application_emails.send_receipt_email(group=group)


@task
def send_partner_invitation_email(group_id: int, organisation_id: int) -> int:
    """Ask one invited partner to confirm its place (services.application_emails)."""

    group = ProjectGroup.objects.select_related("programme", "lead").get(pk=group_id)
    return application_emails.send_partner_invitation_email(group=group, organisation_id=organisation_id)


@task
def send_extension_email(extension_id: int) -> int:
    """Tell a group that its deadline was extended (services.application_emails)."""

    extension = DeadlineExtension.objects.select_related("group__programme", "group__lead").get(pk=extension_id)
    return application_emails.send_extension_email(group=extension.group, until=extension.until)


@task
def send_session_email(session_id: int) -> int:
    """Tell the mentor and the group when a mentoring session takes place (services.application_emails)."""

    session = MentoringSession.objects.select_related("group__programme", "group__lead", "mentor__user").get(
        pk=session_id
    )
    return application_emails.send_session_email(session=session)


@task
def send_objection_answer_email(objection_id: int) -> int:
    """Tell a group the secretariat's answer to its objection (services.stage_emails)."""

    objection = Objection.objects.select_related("panel__programme", "group__programme", "lodged_by").get(
        pk=objection_id
    )
    return stage_emails.send_objection_answer_email(objection=objection)


@task
def schedule_investment_day(day_id: int, actor_id: int | None, time_limit: float) -> dict:
    """Schedule one day (services.investment.schedule_day) and return the run's figures."""
    actor = User.objects.filter(pk=actor_id).first() if actor_id else None
    solution = schedule_day(actor=actor, day=InvestmentDay.objects.get(pk=day_id), time_limit=time_limit)
    return {"satisfied": solution.satisfied, "optimal": solution.optimal, "bound": solution.bound}
