"""An import's progress, written to a shared Redis by the worker that took it on one machine, is shown by the
web server of another (alliance/core/tests/redis_fixture.py: the machines and their redis-server)."""

import pytest
from django.urls import reverse

from alliance.core.tests.redis_fixture import (  # noqa: F401  fixtures
    redis_port,
    redis_url,
    run_machine,
    shared_database_url,
)
from alliance.members.models import ImportJob


@pytest.mark.django_db(transaction=True)
def test_the_progress_a_worker_reports_on_one_machine_is_shown_by_another(client, staff_user, redis_url, tmp_path):  # noqa: F811
    job = ImportJob.objects.create(created_by=staff_user, original_name="회원사.xlsx", status=ImportJob.Status.WRITING)
    worker = f"""
from alliance.members.models import ImportJob
from alliance.members.services.import_progress import report_progress
job = ImportJob.objects.get(pk={job.pk})
report_progress(job, stage=ImportJob.Status.WRITING, done=412, total=1139)
print(json.dumps(job.status))
"""
    assert run_machine(worker, tmp_path=tmp_path, cache_url=redis_url, database_url=shared_database_url(tmp_path)) == (
        ImportJob.Status.WRITING
    )
    client.force_login(staff_user)

    response = client.get(reverse("members:import_progress", args=[job.pk]))

    shown = response.context["job"]
    assert (shown.status, shown.processed_rows, shown.total_rows) == (ImportJob.Status.WRITING, 412, 1139)
    assert "412" in response.content.decode()
