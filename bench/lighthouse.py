"""Benchmark: every public page on the production stack, as a phone sees it — Lighthouse's four categories
(performance, accessibility, best practices, SEO; mobile emulation, simulated throttling) and axe-core's
violations.

`run()` loads the demo data (`demo_data`) into the fresh database, starts the production stack
(deploy/run-local.sh: DEBUG=0, gunicorn, WhiteNoise, the worker) on a free port, finds the pages (a company,
a report and an edition are the first links of their lists; the map's and the results' addresses are where
their redirects lead), and for each page runs Lighthouse 12.2.3 (npm) in Debian's chromium, then axe-core
(npm, injected by Playwright into a 390 px wide phone page) with WCAG 2.0–2.2 A and AA rules and its best
practices, the rules of the suite's test too. Targets: each score >= 95, no axe violation. A page that does not
exist yet (404) has no figures and shows as a MISS.

Tools: Lighthouse and axe-core are pinned in bench/node/package.json and package-lock.json and installed with
`npm ci` into bench/node/node_modules (git-ignored) when missing; Node and npm, and chromium, come from Debian
(`apt-get install nodejs npm`, `make apt-test`) when missing. `BENCH_LIGHTHOUSE_RUNS` (default 1) runs
Lighthouse that many times per page and keeps the median of each score. The figures include the load average
when it started and Lighthouse's benchmark index of the machine: performance (total blocking time) is measured
on this CPU slowed down four times, so a busy machine scores lower (docs/accessibility.md).

    python bench/run.py --only lighthouse
    python bench/lighthouse.py --url http://127.0.0.1:8000 [--page map]   # a running `make prod`, with the
        # failing audits and axe's rules per page (fast loop while fixing)
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_DIR = ROOT / "bench" / "node"
LIGHTHOUSE = NODE_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
AXE_SCRIPT = NODE_DIR / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CATEGORIES = {"performance": "perf", "accessibility": "a11y", "best-practices": "bp", "seo": "seo"}
SCORE_TARGET = 95
# The rules the suite's test runs too (alliance/portal/tests/test_public_pages_accessibility.py): WCAG A/AA up to
# 2.2 and axe's best practices.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}

# (key, address or how to find it). "first:<list>:<pattern>" is the first link on the list page matching it.
PAGES = [
    ("home", "/"),
    ("directory", "/member_companies"),
    ("company", r"first:/member_companies:/member_companies/[^/\"?#]+"),
    ("map", "/ecosystem/"),
    ("chart", "map:chart/"),
    ("statistics", "map:statistics/"),
    ("snapshots", "/ecosystem/snapshots/"),
    ("results", "/programs/results/"),
    ("reports", "/metabus_trends_reports"),
    ("report", r"first:/metabus_trends_reports:/metabus_trends_reports/\d+"),
    ("newsletter", "/newsletter"),
    ("edition", r"first:/newsletter:/newsletter/\d{4}-\d{2}-\d{2}"),
    ("subscribe", "/newsletter/subscribe"),
    ("login", "/accounts/login/"),
    ("privacy", "/privacy/"),
    ("notice_board", "/notice_board"),
    ("notice", r"first:/notice_board:/notice_board/\d+"),
    ("alliance_news", "/alliance_news"),
    ("news", r"first:/alliance_news:/alliance_news/\d+"),
]

TITLE = "public pages: Lighthouse mobile scores (perf/a11y/bp/seo) and axe-core violations"
CHECKS = {}
for _key, _address in PAGES:
    CHECKS.update({f"{_key}_{short}": (">=", SCORE_TARGET, "") for short in CATEGORIES.values()})
    CHECKS[f"{_key}_axe"] = ("<=", 0, "")
DATABASES = ("sqlite",)


# --- tools -------------------------------------------------------------------------------------------------


def _apt_install(*packages: str) -> None:
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run([*sudo, "apt-get", "install", "-y", "-qq", *packages], check=True, env=env)


def ensure_tools() -> None:
    """chromium, Node and npm from Debian, Lighthouse and axe-core from the lock file, each only when missing."""
    if not Path(CHROMIUM).exists():
        subprocess.run(["make", "--no-print-directory", "apt-test"], cwd=ROOT, check=True)
    if not shutil.which("npm"):
        _apt_install("nodejs", "npm")
    if not (LIGHTHOUSE.exists() and AXE_SCRIPT.exists()):
        # --ignore-scripts: nothing downloads a browser of its own; Debian's chromium is the one used.
        command = ["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"]
        subprocess.run(command, cwd=NODE_DIR, check=True, stdout=subprocess.DEVNULL)


# --- the production stack ----------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_up(base: str, process: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the production stack stopped (exit {process.returncode})")
        try:
            with urllib.request.urlopen(base + "/", timeout=5):  # noqa: S310  our loopback server
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError("the production stack did not answer in time")


def start_stack(port: int, log) -> subprocess.Popen:
    """deploy/run-local.sh against this process's database and var directory, in its own process group."""
    venv_bin = Path(sys.executable).parent
    env = dict(
        os.environ,
        DEBUG="0",
        PORT=str(port),
        TASKS_BACKEND="database",
        PY=sys.executable,
        GUNICORN=str(venv_bin / "gunicorn"),
        SITE_URL=f"http://127.0.0.1:{port}",
    )
    script = str(ROOT / "deploy" / "run-local.sh")
    return subprocess.Popen([script], cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True)


def stop_stack(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(process.pid, signal.SIGKILL)


# --- the pages ---------------------------------------------------------------------------------------------


def _fetch(url: str) -> tuple[int, str, str]:
    """(status, final address after redirects, body) of a GET."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310  our loopback server
            return response.status, response.geturl(), response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, url, ""


def _address(base: str, address: str) -> str | None:
    """A page's path: as listed, the first matching link of a list page ("first:"), or under the map's year."""
    if address.startswith("first:"):
        _, listing, pattern = address.split(":", 2)
        status, _, body = _fetch(base + listing)
        links = re.findall(r'href="(' + pattern + ')"', body) if status == 200 else []
        return urllib.parse.quote(urllib.parse.unquote(links[0])) if links else None
    if address.startswith("map:"):
        status, final, _ = _fetch(base + "/ecosystem/")
        return urllib.parse.urlsplit(final).path + address.removeprefix("map:") if status == 200 else None
    return address


def resolve_pages(base: str, only: list[str] | None = None) -> dict[str, str | None]:
    """Each page's address (None when it does not answer 200), redirects followed."""
    found: dict[str, str | None] = {}
    for key, address in PAGES:
        if only and key not in only:
            continue
        path = _address(base, address)
        if path is None:
            found[key] = None
            continue
        status, final, _ = _fetch(base + path)
        found[key] = final if status == 200 else None
    return found


# --- Lighthouse and axe ------------------------------------------------------------------------------------


def lighthouse(url: str) -> dict:
    """One Lighthouse run (mobile, the default form factor and throttling): its JSON report."""
    with tempfile.TemporaryDirectory(prefix="alliance-lh-") as scratch:
        output = Path(scratch) / "report.json"
        command = [
            "node",
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={output}",
            "--form-factor=mobile",
            "--only-categories=" + ",".join(CATEGORIES),
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
        ]
        env = dict(os.environ, CHROME_PATH=CHROMIUM)
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=300)
        return json.loads(output.read_text(encoding="utf-8"))


def scores(report: dict) -> dict[str, int]:
    return {short: round(100 * (report["categories"][name]["score"] or 0)) for name, short in CATEGORIES.items()}


def failing_audits(report: dict) -> list[str]:
    """The audits that cost points, as 'category: audit (score, value)'."""
    lines = []
    for name, category in report["categories"].items():
        for reference in category["auditRefs"]:
            audit = report["audits"][reference["id"]]
            if reference["weight"] and audit.get("score") is not None and audit["score"] < 1:
                shown = audit.get("displayValue", "")
                lines.append(f"{name}: {audit['id']} ({audit['score']:.2f} {shown})".rstrip())
    return lines


def axe_violations(browser, url: str) -> list[dict]:
    """axe-core's violations on the page at phone width: [{id, impact, nodes: [target…]}]."""
    context = browser.new_context(locale="ko-KR", viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(url, wait_until="load")
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
        results = page.evaluate("(options) => axe.run(document, options)", AXE_OPTIONS)
    finally:
        context.close()
    return [
        {"id": rule["id"], "impact": rule["impact"], "nodes": [node["target"] for node in rule["nodes"]]}
        for rule in results["violations"]
    ]


def measure(pages: dict[str, str | None], runs: int = 1, details: list | None = None) -> dict:
    """The figures of every page that exists: <key>_perf/_a11y/_bp/_seo (median of `runs`) and <key>_axe."""
    from playwright.sync_api import sync_playwright

    figures: dict = {"load_average": round(os.getloadavg()[0], 1), "cores": os.cpu_count()}
    benchmark = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for key, url in pages.items():
            if url is None:
                figures[f"{key}_missing"] = True
                continue
            reports = [lighthouse(url) for _ in range(runs)]
            benchmark += [report["environment"]["benchmarkIndex"] for report in reports]
            for short in CATEGORIES.values():
                figures[f"{key}_{short}"] = statistics.median(scores(report)[short] for report in reports)
            violations = axe_violations(browser, url)
            figures[f"{key}_axe"] = len(violations)
            if violations:
                figures[f"{key}_axe_rules"] = ",".join(rule["id"] for rule in violations)
            if details is not None:
                details.append((key, url, scores(reports[0]), failing_audits(reports[0]), violations))
        browser.close()
    if benchmark:  # Lighthouse's measure of this machine's speed while it ran (a busy machine scores lower)
        figures["benchmark_index"] = round(statistics.median(benchmark))
    return figures


def run() -> dict:
    from django.core.management import call_command

    ensure_tools()
    started = time.perf_counter()
    call_command("demo_data", verbosity=0)
    demo_seconds = time.perf_counter() - started
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    var_dir = Path(os.environ.get("ALLIANCE_VAR_DIR", tempfile.gettempdir()))
    with (var_dir / "prod-stack.log").open("w", encoding="utf-8") as log:
        stack = start_stack(port, log)
        try:
            _wait_until_up(base, stack)
            pages = resolve_pages(base)
            figures = measure(pages, runs=int(os.environ.get("BENCH_LIGHTHOUSE_RUNS", "1")))
        finally:
            stop_stack(stack)
    figures["demo_seconds"] = round(demo_seconds, 1)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description="Lighthouse and axe-core over the public pages of a running stack")
    parser.add_argument("--url", required=True, help="the running stack, e.g. http://127.0.0.1:8000")
    parser.add_argument("--page", action="append", choices=[key for key, _ in PAGES])
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    ensure_tools()
    details: list = []
    figures = measure(resolve_pages(args.url.rstrip("/"), args.page), runs=args.runs, details=details)
    for key, url, page_scores, audits, violations in details:
        print(
            f"{key:14} perf {page_scores['perf']:3}  a11y {page_scores['a11y']:3}  bp {page_scores['bp']:3}  "
            f"seo {page_scores['seo']:3}  axe {len(violations)}  {url}"
        )
        for line in audits:
            print(f"    {line}")
        for rule in violations:
            print(f"    axe: {rule['id']} ({rule['impact']}) {rule['nodes'][:3]}")
    missing = [key.removesuffix("_missing") for key in figures if key.endswith("_missing")]
    if missing:
        print("not found (404 or no link):", ", ".join(missing))
    return 0


if __name__ == "__main__":
    sys.exit(main())
