"""Several machines sharing one Redis, for the tests of what they share through the cache (core's
test_redis_cache, members' import progress).

Each "machine" is a separate Python process set up from the environment, as deploy/alliance.env.example sets
it (CACHE_URL, DATABASE_URL); the test's own process is one of them where it reads what another wrote. A
redis-server is started on a free loopback port. Without redis-server the tests are skipped on a developer's
machine (`make apt-test` installs it) and fail in CI, which must run them.
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

from alliance.settings import cache_settings

ROOT = Path(django_settings.BASE_DIR)


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
