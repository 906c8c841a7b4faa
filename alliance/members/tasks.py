"""Background work of the members app. Each task takes ids, loads, and calls one service.

With the default `immediate` backend they run in the request; with TASKS_BACKEND=database a
`manage.py db_worker` process takes them.
"""

from django_tasks import task

from alliance.members.services.importing_run import run_import_job


@task
def run_import(job_id: int) -> str:
    """Validate and write one uploaded registry import (see services.importing_run.run_import_job)."""
    return run_import_job(job_id=job_id).status
