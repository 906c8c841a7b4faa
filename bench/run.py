#!/usr/bin/env python3
"""`make bench`: run each benchmark in a fresh database and print its figures against the targets.

Benchmarks are modules of this package with a `run(...) -> dict` function:
- `bench/search.py`: `run(n=100_000)` → directory search latency, p50/p95 in ms (target p95 ≤ 50 ms);
- `bench/import_xlsx.py`: `run()` → seconds to import a 100,000-row XLSX (target ≤ 60 s).

Each runs in its own process against a new, migrated database: a temporary SQLite file always, and a
scratch PostgreSQL server (scripts/pg_scratch.sh) when BENCH_POSTGRES=1, or when Debian's PostgreSQL is
installed and BENCH_POSTGRES is not 0. Mail goes nowhere; tasks run in-process.
Benchmarks report; they do not gate: the exit status is 0 whatever the figures (1 only on bad usage).

    python bench/run.py [--only search] [--n 100000]
"""

import argparse
import importlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULT_MARKER = "BENCH-RESULT "


def p95(figures: dict) -> tuple[str, float] | None:
    return next(((key, value) for key, value in figures.items() if "p95" in key), None)


def seconds(figures: dict) -> tuple[str, float] | None:
    return next(((key, value) for key, value in figures.items() if "seconds" in key or key in {"s", "elapsed"}), None)


# module → (description, how run() is called, which figure is judged, target, unit)
BENCHMARKS = {
    "search": ("directory search", lambda module, n: module.run(n=n), p95, 50.0, "ms"),
    "import_xlsx": ("100,000-row XLSX import", lambda module, n: module.run(), seconds, 60.0, "s"),
}


def child(module_name: str, n: int) -> None:
    """Inside the benchmark's process: set Django up on the fresh database, migrate, run, print the result."""
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    if os.environ.get("DEBUG") == "0":
        call_command("collectstatic", verbosity=0, interactive=False)
    module = importlib.import_module(f"bench.{module_name}")
    started = time.perf_counter()
    figures = BENCHMARKS[module_name][1](module, n)
    figures = dict(figures or {})
    figures.setdefault("wall_seconds", round(time.perf_counter() - started, 2))
    print(RESULT_MARKER + json.dumps(figures, default=str))


def postgres_wanted() -> bool:
    choice = os.environ.get("BENCH_POSTGRES", "").strip()
    if choice in {"0", "false", "no"}:
        return False
    return choice in {"1", "true", "yes"} or any(Path("/usr/lib/postgresql").glob("*/bin/postgres"))


def run_one(module_name: str, n: int, database_url: str, var_dir: str) -> dict | str:
    env = dict(
        os.environ,
        DATABASE_URL=database_url,
        ALLIANCE_VAR_DIR=var_dir,
        # BENCH_DEBUG=0 measures with DEBUG off (static files collected into the scratch directory).
        DEBUG=os.environ.get("BENCH_DEBUG", "1"),
        SECRET_KEY="bench-only-not-secret",  # noqa: S106  a throw-away database
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        TASKS_BACKEND="immediate",
        DJANGO_SETTINGS_MODULE="alliance.settings",
    )
    command = [sys.executable, str(Path(__file__).resolve()), "--child", module_name, "--n", str(n)]
    completed = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    for line in completed.stdout.splitlines():
        if line.startswith(RESULT_MARKER):
            return json.loads(line.removeprefix(RESULT_MARKER))
    tail = (completed.stderr or completed.stdout).strip().splitlines()[-3:]
    return "error: " + " | ".join(tail)


def verdict(module_name: str, outcome: dict | str) -> tuple[str, str, str]:
    """(figure, measured, PASS/MISS/ERROR)."""
    _, _, judge, target, unit = BENCHMARKS[module_name]
    if isinstance(outcome, str):
        return "-", outcome, "ERROR"
    judged = judge(outcome)
    if judged is None:
        return "-", json.dumps(outcome, ensure_ascii=False), "MISS (no figure to judge)"
    key, value = judged
    return key, f"{float(value):,.1f} {unit}", "PASS" if float(value) <= target else "MISS"


def run_all(names: list[str], databases: list[str], n: int) -> list[tuple]:
    """One row per benchmark and database: (description, database, figure, measured, result, outcome)."""
    rows = []
    for database in databases:
        for name in names:
            print(f"running {name} on {database} ...", flush=True)
            with tempfile.TemporaryDirectory(prefix="alliance-bench-") as scratch:
                var_dir = Path(scratch) / "var"
                var_dir.mkdir()
                if database == "sqlite":
                    outcome = run_one(name, n, f"sqlite:///{var_dir / 'bench.sqlite3'}", str(var_dir))
                else:
                    outcome = run_on_postgres(name, n, str(var_dir))
            rows.append((BENCHMARKS[name][0], database, *verdict(name, outcome), outcome))
    return rows


def run_on_postgres(name: str, n: int, var_dir: str) -> dict | str:
    # Not inside a private temporary directory: the server runs as the postgres user, who must reach it.
    pg_dir = str(Path(tempfile.gettempdir()) / f"alliance-bench-pg-{os.getpid()}-{time.monotonic_ns()}")
    script = str(ROOT / "scripts" / "pg_scratch.sh")
    try:
        started = subprocess.run([script, "start", pg_dir], capture_output=True, text=True, check=True)
        return run_one(name, n, started.stdout.strip(), var_dir)
    except subprocess.CalledProcessError as error:
        return f"error: PostgreSQL did not start: {error.stderr.strip()[-200:]}"
    finally:
        subprocess.run([script, "stop", pg_dir], check=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=sorted(BENCHMARKS), action="append")
    parser.add_argument("--n", type=int, default=int(os.environ.get("BENCH_N", "100000")))
    parser.add_argument("--child", choices=sorted(BENCHMARKS), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.n)
        return 0

    selected = [name for name in BENCHMARKS if not args.only or name in args.only]
    present = [name for name in selected if (ROOT / "bench" / f"{name}.py").exists()]
    for name in sorted(set(selected) - set(present)):
        print(f"skip {name}: bench/{name}.py does not exist yet")
    databases = ["sqlite"] + (["postgresql"] if postgres_wanted() else [])

    rows = run_all(present, databases, args.n)
    print()
    header = ("benchmark", "database", "figure", "measured", "target", "result")
    table = [header]
    for description, database, figure, measured, result, _ in rows:
        name = next(key for key, value in BENCHMARKS.items() if value[0] == description)
        target = f"≤ {BENCHMARKS[name][3]:g} {BENCHMARKS[name][4]}"
        table.append((description, database, figure, measured, target, result))
    widths = [max(len(str(row[column])) for row in table) for column in range(len(header))]
    for row in table:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    for description, database, *_, outcome in rows:
        if isinstance(outcome, dict):
            print(f"  {description} on {database}: " + ", ".join(f"{key}={value}" for key, value in outcome.items()))
    if not rows:
        print("no benchmarks ran")
    return 0


if __name__ == "__main__":
    sys.exit(main())
