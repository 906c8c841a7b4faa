"""Benchmark (optional: `python bench/run.py --only load`, or `make bench BENCH_LOAD=1`): the public pages under
load on the production stack (deploy/run-local.sh: DEBUG=0, gunicorn with deploy/gunicorn.conf.py) with the
demo data, driven by locust (requirements-dev.txt) headless from this machine.

Two runs, each BENCH_LOAD_SECONDS (default 60) long, visitors as bench/load_visitors/visitors.py defines them
(front page, directory and its Korean searches, a company, the map, the report archive, a notice):
- closed: BENCH_LOAD_USERS (default 200) concurrent visitors, each asking again as soon as answered: the
  throughput and the latencies under that load, and the errors (target: none);
- steady: 50 visitors at one request a second each (50 requests a second arriving at a steady rate): p95
  (target ≤ 300 ms) and errors (none).
The stack's per-address rate limits are off for the run (every visitor comes from 127.0.0.1: the limiter
would answer 429 to what is the load test itself). Locust runs on the same two cores as the server, so the
figures are a floor.
"""

import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TITLE = "public pages under load: 200 concurrent visitors, and 50 requests a second (locust, make prod stack)"
CHECKS = {
    "closed_failures": ("<=", 0, ""),
    "steady_p95_ms": ("<=", 300, "ms"),
    "steady_failures": ("<=", 0, ""),
}
OPTIONAL = True  # `make bench` runs it only when asked (BENCH_LOAD=1 or --only load): minutes of full load
LOAD_PAGES = ["home", "directory", "company", "map", "reports", "notice"]


def locust(base: str, pages: dict, *, users: int, rate: float, seconds: int, folder: Path, name: str) -> dict:
    """One headless locust run; its aggregated figures."""
    prefix = folder / name
    environment = dict(os.environ, BENCH_LOAD_PAGES=json.dumps(pages), BENCH_LOAD_RATE=str(rate))
    command = [
        str(Path(sys.executable).with_name("locust")),
        "-f", str(ROOT / "bench" / "load_visitors" / "visitors.py"),
        "--headless", "--host", base, "--users", str(users), "--spawn-rate", str(max(users // 5, 1)),
        "--run-time", f"{seconds}s", "--csv", str(prefix), "--only-summary", "--stop-timeout", "10",
    ]  # fmt: skip
    subprocess.run(command, env=environment, cwd=ROOT, capture_output=True, check=False)
    with (folder / f"{name}_stats.csv").open(encoding="utf-8") as stats:
        total = next(row for row in csv.DictReader(stats) if row["Name"] == "Aggregated")
    figures = {
        "requests": int(total["Request Count"]),
        "failures": int(total["Failure Count"]),
        "rps": round(float(total["Requests/s"]), 1),
        "p50_ms": int(float(total["50%"])),
        "p95_ms": int(float(total["95%"])),
        "p99_ms": int(float(total["99%"])),
    }
    return {f"{name}_{key}": value for key, value in figures.items()}


def run() -> dict:
    from django.core.management import call_command

    from bench.lighthouse import _fetch, _free_port, _wait_until_up, resolve_pages, start_stack, stop_stack

    call_command("demo_data", verbosity=0)
    os.environ.update(RATE_LIMIT_SEARCH="0", RATE_LIMIT_API="0", RATE_LIMIT_LOGIN="0", RATE_LIMIT_PERSONAL_LINK="0")
    seconds = int(os.environ.get("BENCH_LOAD_SECONDS", "60"))
    users = int(os.environ.get("BENCH_LOAD_USERS", "200"))
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    var_dir = Path(os.environ.get("ALLIANCE_VAR_DIR", tempfile.gettempdir()))
    figures: dict = {"load_average": round(os.getloadavg()[0], 1)}
    with (var_dir / "prod-stack.log").open("w", encoding="utf-8") as log, tempfile.TemporaryDirectory() as scratch:
        stack = start_stack(port, log)
        try:
            _wait_until_up(base, stack, seconds=600)  # migrate and collectstatic first: minutes on a busy machine
            found = resolve_pages(base, only=LOAD_PAGES)
            pages = {key: found[key].removeprefix(base) for key in LOAD_PAGES if found.get(key)}
            figures["pages"] = sorted(pages)
            for path in pages.values():  # each page once, so that the runs measure served pages, not first renders
                _fetch(base + path)
            time.sleep(1)
            figures |= locust(base, pages, users=users, rate=0, seconds=seconds, folder=Path(scratch), name="closed")
            figures |= locust(base, pages, users=50, rate=1, seconds=seconds, folder=Path(scratch), name="steady")
        finally:
            stop_stack(stack)
    return figures
