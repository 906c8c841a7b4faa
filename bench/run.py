#!/usr/bin/env python3
"""`make bench`: run each benchmark in a fresh database and print its figures against the targets.

A benchmark is a module `bench/<name>.py` that declares
- `TITLE`: what it measures, in a few words;
- `CHECKS`: {figure: (comparison, target, unit)}, e.g. {"p95_ms": ("<=", 50, "ms")}; comparison is
  "<=" or ">=", and a target may name another figure of the same run ({"macro_f1": (">", "baseline_f1", "")});
- `DATABASES` (optional): the databases it is meaningful on, default ("sqlite", "postgresql");
- `OPTIONAL` (optional): True when it runs only if asked (`--only NAME`, or BENCH_LOAD=1 for bench/load.py);
- `run() -> dict`: the figures, computed against the current (fresh, migrated) database.
`BENCH_N` (or `--n`) scales the benchmarks that read it.

Each runs in its own process against a new, migrated database: a temporary SQLite file always, and a
scratch PostgreSQL server (scripts/pg_scratch.sh) when BENCH_POSTGRES=1, or when Debian's PostgreSQL is
installed and BENCH_POSTGRES is not 0. Mail goes nowhere; tasks run in-process.
Benchmarks report; they do not gate: the exit status is 0 whatever the figures (1 only on bad usage).

    python bench/run.py [--only search] [--n 100000]
"""

import argparse
import importlib
import json
import operator
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULT_MARKER = "BENCH-RESULT "
COMPARISONS = {"<=": operator.le, ">=": operator.ge, "<": operator.lt, ">": operator.gt}


def discover() -> dict[str, object]:
    """Benchmark modules by name: every bench/*.py that declares CHECKS and run()."""
    sys.path.insert(0, str(ROOT))
    found = {}
    for path in sorted((ROOT / "bench").glob("*.py")):
        if path.stem in {"__init__", "run"}:
            continue
        module = importlib.import_module(f"bench.{path.stem}")
        if hasattr(module, "CHECKS") and hasattr(module, "run"):
            found[path.stem] = module
    return found


def child(module_name: str) -> None:
    """Inside the benchmark's process: set Django up on the fresh database, migrate, run, print the result."""
    os.chdir(ROOT)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    if os.environ.get("DEBUG") == "0":
        call_command("collectstatic", verbosity=0, interactive=False)
    module = discover()[module_name]
    started = time.perf_counter()
    figures = dict(module.run() or {})
    figures.setdefault("wall_seconds", round(time.perf_counter() - started, 2))
    print(RESULT_MARKER + json.dumps(figures, default=str, ensure_ascii=False))


def postgres_wanted() -> bool:
    choice = os.environ.get("BENCH_POSTGRES", "").strip()
    if choice in {"0", "false", "no"}:
        return False
    return choice in {"1", "true", "yes"} or any(Path("/usr/lib/postgresql").glob("*/bin/postgres"))


def run_one(module_name: str, database_url: str, var_dir: str) -> dict | str:
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
    command = [sys.executable, str(Path(__file__).resolve()), "--child", module_name]
    completed = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    for line in completed.stdout.splitlines():
        if line.startswith(RESULT_MARKER):
            return json.loads(line.removeprefix(RESULT_MARKER))
    tail = (completed.stderr or completed.stdout).strip().splitlines()[-3:]
    return "error: " + " | ".join(tail)


def shown(value: float) -> str:
    """A figure with the digits that matter: 1,234 / 35.1 / 0.834."""
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.1f}" if abs(value) >= 1 else f"{value:.3f}"


def verdicts(module, outcome: dict | str) -> list[tuple[str, str, str, str]]:
    """(figure, measured, target, PASS/MISS/ERROR) for each of the module's checks."""
    if isinstance(outcome, str):
        return [("-", outcome, "-", "ERROR")]
    rows = []
    for figure, (comparison, target, unit) in module.CHECKS.items():
        target_value = outcome.get(target) if isinstance(target, str) else target
        shown_target = f"{comparison} {target}" if isinstance(target, str) else f"{comparison} {target:g} {unit}"
        if figure not in outcome or target_value is None:
            rows.append((figure, "missing", shown_target, "MISS (no figure)"))
            continue
        passed = COMPARISONS[comparison](float(outcome[figure]), float(target_value))
        measured = f"{shown(float(outcome[figure]))} {unit}".strip()
        rows.append((figure, measured, shown_target, "PASS" if passed else "MISS"))
    return rows


def run_on_postgres(name: str, var_dir: str) -> dict | str:
    # Not inside a private temporary directory: the server runs as the postgres user, who must reach it.
    pg_dir = str(Path(tempfile.gettempdir()) / f"alliance-bench-pg-{os.getpid()}-{time.monotonic_ns()}")
    script = str(ROOT / "scripts" / "pg_scratch.sh")
    try:
        started = subprocess.run([script, "start", pg_dir], capture_output=True, text=True, check=True)
        return run_one(name, started.stdout.strip(), var_dir)
    except subprocess.CalledProcessError as error:
        return f"error: PostgreSQL did not start: {error.stderr.strip()[-200:]}"
    finally:
        subprocess.run([script, "stop", pg_dir], check=False)


def run_all(modules: dict[str, object], databases: list[str]) -> list[tuple]:
    """One row per check, benchmark and database, and the raw outcomes."""
    rows, outcomes = [], []
    for database in databases:
        for name, module in modules.items():
            if database not in getattr(module, "DATABASES", ("sqlite", "postgresql")):
                continue
            print(f"running {name} on {database} ...", flush=True)
            with tempfile.TemporaryDirectory(prefix="alliance-bench-") as scratch:
                var_dir = Path(scratch) / "var"
                var_dir.mkdir()
                if database == "sqlite":
                    outcome = run_one(name, f"sqlite:///{var_dir / 'bench.sqlite3'}", str(var_dir))
                else:
                    outcome = run_on_postgres(name, str(var_dir))
            rows.extend((module.TITLE, database, *verdict) for verdict in verdicts(module, outcome))
            outcomes.append((module.TITLE, database, outcome))
    return rows, outcomes


def main(argv: list[str] | None = None) -> int:
    modules = discover()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=sorted(modules), action="append")
    parser.add_argument("--n", type=int, help="scale (BENCH_N) for the benchmarks that read it")
    parser.add_argument("--child", choices=sorted(modules), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child)
        return 0
    if args.n:
        os.environ["BENCH_N"] = str(args.n)

    # An OPTIONAL benchmark (minutes of full load: bench/load.py) runs when named with --only or BENCH_LOAD=1.
    wanted = set(args.only or []) | ({"load"} if os.environ.get("BENCH_LOAD") == "1" else set())
    selected = {
        name: module
        for name, module in modules.items()
        if (name in wanted) or (not args.only and not getattr(module, "OPTIONAL", False))
    }
    databases = ["sqlite"] + (["postgresql"] if postgres_wanted() else [])
    rows, outcomes = run_all(selected, databases)
    print()
    table = [("benchmark", "database", "figure", "measured", "target", "result"), *rows]
    widths = [max(len(str(row[column])) for row in table) for column in range(len(table[0]))]
    for row in table:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    for title, database, outcome in outcomes:
        if isinstance(outcome, dict):
            print(f"  {title} on {database}: " + ", ".join(f"{key}={value}" for key, value in outcome.items()))
    if not rows:
        print("no benchmarks ran")
    return 0


if __name__ == "__main__":
    sys.exit(main())
