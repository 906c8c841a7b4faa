"""Background work of the members app. Each task takes ids, loads, and calls one service.

With the default `immediate` backend they run in the request; with TASKS_BACKEND=database a
`manage.py db_worker` process takes them.
"""

from django_tasks import task

from alliance.members.services.importing_run import run_import_job


@task
def send_census_email(invitation_id: int, kind: str, reminder: int = 0) -> bool:
    """Send one census e-mail ("invite" or "remind", the invitation's `reminder`-th) with a new personal link.

    The link's token is made by the service as the e-mail goes out: no raw token is ever a task argument.
    """
    from alliance.members.services.census import send_invitation_email  # noqa: PLC0415  e-mail task and service import each other; the delivery pipeline removes it

    return send_invitation_email(invitation_id=invitation_id, kind=kind, reminder=reminder)


@task
def run_import(job_id: int) -> str:
    """Validate and write one uploaded registry import (see services.importing_run.run_import_job)."""
    return run_import_job(job_id=job_id).status
