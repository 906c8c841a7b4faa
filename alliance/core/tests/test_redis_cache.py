"""The cache on Redis (CACHE_URL=redis://…, Debian's redis-server) is shared by every machine: a client's
requests are counted once across machines, each periodic job runs once when every machine runs the jobs, and
/readyz's cache probe holds while many processes probe at once; a Redis that stops fails readyz, not the login
or password-reset pages. The machines: alliance/core/tests/redis_fixture.py (members' tests show an import's
progress across them).
"""

import time

import pytest
import redis
from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import gettext

from alliance.core.jobs import registered_jobs
from alliance.core.ratelimit import over_limit
from alliance.core.tests.redis_fixture import (  # noqa: F401  fixtures
    redis_port,
    redis_server,
    redis_url,
    result,
    run_machine,
    shared_database_url,
    start_machine,
)
from alliance.settings import cache_settings

EVERY_DECADE = 10**9  # a rate-limit window no test run crosses the edge of


@pytest.mark.django_db
def test_a_clients_requests_are_counted_once_across_machines(client, redis_url, settings, tmp_path):  # noqa: F811
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
def test_each_periodic_job_runs_once_when_two_machines_run_the_jobs_together(redis_url, tmp_path):  # noqa: F811
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
def test_readyz_cache_probe_holds_while_several_machines_probe_the_same_redis(client, redis_url, tmp_path):  # noqa: F811
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
def test_a_stopped_redis_fails_readyz_quickly_and_leaves_login_and_password_reset_working(client, settings, tmp_path):
    with redis_server(tmp_path) as port:
        settings.CACHES = {"default": cache_settings(f"redis://127.0.0.1:{port}/0")}
        settings.RATE_LIMITS = {**settings.RATE_LIMITS, "login": 5}
        assert client.get("/readyz").status_code == 200
    started = time.monotonic()

    ready = client.get("/readyz")
    login = client.post(reverse("core:login"), {"username": "someone@example.kr", "password": "wrong"})
    reset = client.post(reverse("core:password_reset"), {"email": "someone@example.kr"})

    assert (ready.status_code, ready.json()["checks"]["cache"]) == (503, "failed")
    assert login.status_code == 200  # the form again, with its error: not a server error
    assert (reset.status_code, reset["Location"]) == (302, reverse("core:password_reset_sent"))  # counted nothing
    assert time.monotonic() - started < 10
