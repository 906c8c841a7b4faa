"""`make prod`'s stack (deploy/run-local.sh) on a free loopback port against a fresh SQLite database: it migrates,
collects static files, serves through gunicorn with the shipped configuration beside the background worker,
logs JSON lines, and Ctrl+C stops everything."""

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, **headers):
    request = urllib.request.Request(url, headers=headers)  # noqa: S310  our own server on loopback
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310  the same
        return response.status, dict(response.headers), response.read()


@pytest.fixture
def stack(tmp_path):
    port = free_port()
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("SECURE_", "DJANGO_"))}
    environment.update(
        ALLIANCE_VAR_DIR=str(tmp_path),
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        CACHE_URL=f"file://{tmp_path / 'cache'}",
        PORT=str(port),
        GUNICORN_WORKERS="2",
    )
    environment.pop("DEBUG", None)
    stdout = (tmp_path / "stdout.log").open("w")
    process = subprocess.Popen(  # noqa: S603  the repository's own script
        [str(ROOT / "deploy" / "run-local.sh")],
        cwd=ROOT,
        env=environment,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    try:
        for line in process.stderr:  # gunicorn says when it listens
            if "Listening at" in line:
                break
        yield f"http://127.0.0.1:{port}", process, tmp_path
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        stdout.close()


def worker_started(log: Path, seconds: float = 90) -> None:
    """Wait until the worker's start line is in the log (never longer than `seconds`; the assert below says why)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and "Starting worker" not in log.read_text(errors="replace"):
        time.sleep(0.5)


def test_make_prod_serves_health_static_and_pages_logs_json_and_stops_on_ctrl_c(stack):
    base, process, var_dir = stack

    health = fetch(f"{base}/healthz")
    ready = fetch(f"{base}/readyz")
    manifest = json.loads((var_dir / "static" / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    static = fetch(f"{base}/static/{hashed}", **{"Accept-Encoding": "gzip"})
    directory = fetch(f"{base}/member_companies")

    assert (health[0], json.loads(health[2])) == (200, {"status": "ok"})
    assert (ready[0], json.loads(ready[2])["checks"]) == (
        200,
        {"database": "ok", "migrations": "ok", "cache": "ok", "task_queue": "ok", "storage": "ok"},
    )
    assert hashed != "css/site.css"
    assert (static[0], static[1]["Content-Encoding"], static[1]["Cache-Control"]) == (
        200,
        "gzip",
        "max-age=315360000, public, immutable",
    )
    assert (directory[0], "회원사" in directory[2].decode()) == (200, True)
    # The worker starts beside gunicorn and may still be loading on a busy machine: Ctrl+C once it has said so.
    worker_started(var_dir / "stdout.log")

    os.killpg(process.pid, signal.SIGINT)  # Ctrl+C in the terminal
    assert process.wait(timeout=60) in {0, 130}
    with pytest.raises(ProcessLookupError):  # gunicorn, its workers and db_worker are all gone
        os.killpg(process.pid, 0)

    lines = [json.loads(line) for line in (var_dir / "stdout.log").read_text().splitlines() if line.startswith("{")]
    requests = {line["route"]: line for line in lines if line["logger"] == "alliance.requests"}
    assert {route: requests[route]["status"] for route in ("healthz", "readyz", "static", "member_companies")} == {
        "healthz": 200,
        "readyz": 200,
        "static": 200,
        "member_companies": 200,
    }
    assert requests["healthz"]["request_id"] == health[1]["X-Request-ID"]
    assert any(line["message"].startswith("Starting worker") for line in lines if line["logger"] == "django_tasks_db")
