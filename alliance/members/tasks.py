"""Background work of the members app. Each task takes ids, loads, and calls one service.

With the default `immediate` backend they run in the request; with TASKS_BACKEND=database a
`manage.py db_worker` process takes them.
"""

from django_tasks import task


@task
def send_census_email(invitation_id: int, kind: str, token: str) -> None:
    """Send one census e-mail ("invite" or "remind") with the personal link of `token`.

    The raw token travels only as this task's argument; the database keeps its hash.
    """
    from alliance.members.models import CensusInvitation
    from alliance.members.services.census import send_invitation_email

    invitation = CensusInvitation.objects.select_related("organisation", "census_round").get(pk=invitation_id)
    send_invitation_email(invitation=invitation, kind=kind, token=token)


@task
def run_import(job_id: int) -> str:
    """Validate and write one uploaded registry import (see services.importing_jobs.run_import_job)."""
    from alliance.members.services.importing_jobs import run_import_job

    return run_import_job(job_id=job_id).status
