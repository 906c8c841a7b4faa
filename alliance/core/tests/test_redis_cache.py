"""The cache on Redis (CACHE_URL=redis://…, Debian's redis-server) is shared by every machine: an import's
progress written by a worker on one machine is shown by the web server of another, a client's requests are
counted once across machines, each periodic job runs once when every machine runs the jobs, and /readyz's cache
probe holds while many processes probe at once.

Each "machine" is a separate Python process set up from the environment, as deploy/alliance.env.example sets
it (CACHE_URL, DATABASE_URL); the test's own process is one of them where it reads what another wrote. A
redis-server is started on a free loopback port. Without redis-server the test is skipped on a developer's
machine (`make apt-test` installs it) and fails in CI, which must run it.
"""

import contextlib
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
import redis
from django.conf import settings as django_settings
from django.core.cache import cache
from django.db import connection
from django.urls import reverse
from django.utils.translation import gettext

from alliance.core.jobs import registered_jobs
from alliance.core.ratelimit import over_limit
from alliance.members.models import ImportJob
from alliance.settings import cache_settings

ROOT = Path(django_settings.BASE_DIR)
EVERY_DECADE = 10**9  # a rate-limit window no test run crosses the edge of


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answers(port: int) -> bool:
    try:
        return redis.Redis(port=port, socket_timeout=1).ping()
    except redis.ConnectionError:
        return False


@contextlib.contextmanager
def redis_server(folder: Path):
    """A redis-server of its own on a free loopback port (nothing saved to disk); yields its port."""
    binary = shutil.which("redis-server") or "/usr/bin/redis-server"
    if not Path(binary).exists():
        if os.environ.get("CI"):
            pytest.fail("redis-server is missing: `make apt-test` installs Debian's redis-server")
        pytest.skip("redis-server is not installed (`make apt-test` installs it; CI always runs this test)")
    for _attempt in range(3):  # another program may take the free port first
        port = free_port()
        arguments = ["--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        process = subprocess.Popen(  # noqa: S603  Debian's redis-server, for this test only
            [binary, *arguments, "--dir", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 10
        while process.poll() is None and time.monotonic() < deadline and not answers(port):
            time.sleep(0.05)
        if answers(port):
            break
        process.kill()
        process.wait()
    else:
        pytest.fail("redis-server did not start")
    try:
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def redis_port(tmp_path_factory):
    with redis_server(tmp_path_factory.mktemp("redis")) as port:
        yield port


@pytest.fixture
def redis_url(redis_port, request, settings):
    """A database of the shared Redis for this test alone; the test's own process uses it as its cache."""
    number = 1 + sum(map(ord, request.node.name)) % 15  # Redis has databases 0–15
    url = f"redis://127.0.0.1:{redis_port}/{number}"
    settings.CACHES = {"default": cache_settings(url)}
    cache.clear()
    yield url
    cache.clear()


def shared_database_url(tmp_path: Path) -> str:
    """A database the other processes share with this one: on SQLite a copy of the test's (in memory) in a
    file they all open; on PostgreSQL the test database itself (the test commits: transactional_db)."""
    if connection.vendor == "sqlite":
        path = tmp_path / "shared.sqlite3"
        connection.ensure_connection()
        with contextlib.closing(sqlite3.connect(path)) as copy:
            connection.connection.backup(copy)
        return f"sqlite:///{path}"
    database = connection.settings_dict
    credentials = f"{quote(database['USER'] or '')}:{quote(database['PASSWORD'] or '')}"
    return f"postgres://{credentials}@{database['HOST'] or 'localhost'}:{database['PORT'] or 5432}/{database['NAME']}"


PROLOGUE = """
import json, sys, time
import django
django.setup()
from django.core.cache import cache
"""


def start_machine(code: str, *, tmp_path: Path, cache_url: str, database_url: str, **environment) -> subprocess.Popen:
    """Another machine: a Python process with Django set up from the environment, running `code`; its last line
    of output is JSON."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="alliance.settings",
        ALLIANCE_VAR_DIR=str(tmp_path),
        CACHE_URL=cache_url,
        DATABASE_URL=database_url,
        TASKS_BACKEND="immediate",
        **environment,
    )
    return subprocess.Popen(  # noqa: S603  the running Python, our own code
        [sys.executable, "-c", PROLOGUE + code], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def result(machine: subprocess.Popen):
    stdout, stderr = machine.communicate(timeout=120)
    assert machine.returncode == 0, stderr.decode()
    return json.loads(stdout.decode().splitlines()[-1])


def run_machine(code: str, **arguments):
    return result(start_machine(code, **arguments))


@pytest.mark.django_db(transaction=True)
def test_the_progress_a_worker_reports_on_one_machine_is_shown_by_another(client, staff_user, redis_url, tmp_path):
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


@pytest.mark.django_db
def test_a_clients_requests_are_counted_once_across_machines(client, redis_url, settings, tmp_path):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "login": 5}
    settings.RATE_LIMIT_WINDOW_SECONDS = EVERY_DECADE
    other_machine = """
from alliance.core.ratelimit import over_limit
print(json.dumps([over_limit("login", "127.0.0.1") for _ in range(5)]))
"""
    limits = {"RATE_LIMIT_LOGIN": "5", "RATE_LIMIT_WINDOW_SECONDS": str(EVERY_DECADE)}

    waits = run_machine(other_machine, tmp_path=tmp_path, cache_url=redis_url, database_url="sqlite://", **limits)
    response = client.post(reverse("core:login"), {"username": "someone@example.kr", "password": "wrong"})

    assert waits == [0, 0, 0, 0, 0]
    assert (response.status_code, gettext("Too many requests") in response.content.decode()) == (429, True)
    assert 0 < int(response["Retry-After"]) <= EVERY_DECADE
    assert over_limit("login", "203.0.113.7") == 0  # another client still has its own count


@pytest.mark.django_db(transaction=True)
def test_each_periodic_job_runs_once_when_two_machines_run_the_jobs_together(redis_url, tmp_path):
    # Both passes start together: each machine counts itself in at a barrier in the shared cache, then waits
    # for the other.
    machine = """
from alliance.core.jobs import run_due_jobs
cache.add("barrier", 0)
cache.incr("barrier")
deadline = time.monotonic() + 60
while cache.get("barrier") < 2 and time.monotonic() < deadline:
    time.sleep(0.01)
print(json.dumps(sorted(run_due_jobs())))
"""
    shared = {"tmp_path": tmp_path, "cache_url": redis_url, "database_url": shared_database_url(tmp_path)}

    machines = [start_machine(machine, **shared) for _ in range(2)]
    first, second = (set(result(one)) for one in machines)

    assert first & second == set()
    assert first | second == {job.name for job in registered_jobs()}
    assert cache.get("barrier") == 2


@pytest.mark.django_db
def test_readyz_cache_probe_holds_while_several_machines_probe_the_same_redis(client, redis_url, tmp_path):
    machine = """
from alliance.core.health import CHECKS
failed = 0
for _ in range(200):
    try:
        CHECKS["cache"]()
    except RuntimeError:
        failed += 1
print(json.dumps(failed))
"""
    machines = [
        start_machine(machine, tmp_path=tmp_path, cache_url=redis_url, database_url="sqlite://") for _ in range(3)
    ]

    ready = client.get("/readyz")

    assert [result(one) for one in machines] == [0, 0, 0]
    assert (ready.status_code, ready.json()["checks"]["cache"]) == (200, "ok")
    assert redis.Redis.from_url(redis_url).keys("*readyz*") == []  # each probe cleans up after itself


@pytest.mark.django_db
def test_a_redis_that_stopped_fails_readyz_quickly_and_leaves_the_login_page_working(client, settings, tmp_path):
    with redis_server(tmp_path) as port:
        settings.CACHES = {"default": cache_settings(f"redis://127.0.0.1:{port}/0")}
        settings.RATE_LIMITS = {**settings.RATE_LIMITS, "login": 5}
        assert client.get("/readyz").status_code == 200
    started = time.monotonic()

    ready = client.get("/readyz")
    login = client.post(reverse("core:login"), {"username": "someone@example.kr", "password": "wrong"})

    assert (ready.status_code, ready.json()["checks"]["cache"]) == (503, "failed")
    assert login.status_code == 200  # the form again, with its error: not a server error
    assert time.monotonic() - started < 10
