"""Benchmark: the public ecosystem map with 10,000 players in 300 categories, in headless Chromium.

- first_render_ms: navigation start → the landscape usable (the page script has wired the filters; first
  contentful paint if later), measured by the browser's own clock, once a request has built the landscape
  (as after any change; cold_page_ms is that first request's server time);
- filter_change_ms: a filter chosen → tiles, counts and options updated and the next frame painted
  (median of several filters; the slowest is reported as filter_change_max_ms);
- transfer_mb: bytes on the wire for the first visit (document, CSS, scripts; logos lazy);
- poster_seconds: GET of the A3 PDF poster (WeasyPrint, Korean font) for the same map.

The data: bench/ecosystem_data.py `populate(...)` when present (the shared generator), else `_populate` below.
The server: Django's threaded WSGI server in this process (as LiveServerTestCase), static files through
the finders. Chromium: Debian's, with the test suite's launch arguments.

    python bench/run.py --only ecosystem_map
"""

import os
import random
import statistics
import sys
import threading
import time
import urllib.request
from pathlib import Path

TITLE = "ecosystem map: 10,000 players in the browser"
CHECKS = {
    "first_render_ms": ("<=", 1000, "ms"),
    "filter_change_ms": ("<=", 100, "ms"),
    "transfer_mb": ("<=", 1.5, "MB"),
    "poster_seconds": ("<=", 20, "s"),
}
DATABASES = ("sqlite", "postgresql")
PLAYERS = int(os.environ.get("BENCH_MAP_PLAYERS", "10000"))
CATEGORIES = 300
YEAR = 2026
SEED = 20261122

_SYLLABLES = "가나다라마바사아자차카타파하메타버스디지털가상현실트윈스튜디오랩소프트테크미디어"


def _populate(players: int, categories: int, seed: int) -> None:
    """3 domains × 5 layers × 20 categories, 20 technologies, 10 fields; every placement confirmed."""
    from django.utils import timezone

    from alliance.core.korean import company_name_key
    from alliance.core.regions import SIDO
    from alliance.ecosystem.models import ApplicationField, Placement, Player, Taxonomy, TaxonomyNode, Technology

    rng = random.Random(seed)
    taxonomy = Taxonomy.objects.create(year=YEAR)
    nodes = []
    position = 0
    for d in range(3):
        domain = TaxonomyNode.objects.create(taxonomy=taxonomy, level="domain", name=f"영역 {d + 1}", position=position)
        for layer_index in range(5):
            layer = TaxonomyNode.objects.create(
                taxonomy=taxonomy,
                parent=domain,
                level="layer",
                name=f"부문 {d + 1}-{layer_index + 1}",
                position=position,
            )
            for c in range(categories // 15):
                position += 1
                name = f"분류 {d + 1}-{layer_index + 1}-{c + 1}"
                nodes.append(
                    TaxonomyNode(taxonomy=taxonomy, parent=layer, level="category", name=name, position=position)
                )
    nodes = TaxonomyNode.objects.bulk_create(nodes)
    technologies = Technology.objects.bulk_create(
        [Technology(taxonomy=taxonomy, name=f"핵심기술 {i + 1}", position=i) for i in range(20)]
    )
    fields = ApplicationField.objects.bulk_create(
        [ApplicationField(taxonomy=taxonomy, name=f"적용분야 {i + 1}", position=i) for i in range(10)]
    )
    names = set()
    while len(names) < players:
        names.add(
            "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(3, 6))) + rng.choice(("", "랩", "테크", "소프트"))
        )
    rows = []
    for name in sorted(names):
        revenue = int(10 ** rng.uniform(1.5, 5.5)) if rng.random() > 0.15 else None
        rows.append(
            Player(
                name=name, name_key=company_name_key(name), region=rng.choice(SIDO).short,
                employees=rng.randint(1, 900), revenue=revenue, founded_year=rng.randint(1990, 2025),
                description=f"{name}은 메타버스 기업입니다.",
            )
        )  # fmt: skip
    Player.objects.bulk_create(rows, batch_size=2000)
    players_rows = list(Player.objects.order_by("pk"))
    now = timezone.now()
    placements = Placement.objects.bulk_create(
        [
            Placement(
                player=player, taxonomy=taxonomy, primary=rng.choice(nodes), revenue=player.revenue,
                employees=player.employees, technology_score=round(rng.uniform(0, 100), 1), status="confirmed",
                confirmed_at=now,
            )
            for player in players_rows
        ],
        batch_size=2000,
    )  # fmt: skip
    through_t = Placement.technologies.through
    through_f = Placement.fields.through
    through_t.objects.bulk_create(
        [
            through_t(placement_id=p.pk, technology_id=t.pk)
            for p in placements
            for t in rng.sample(technologies, rng.randint(1, 3))
        ],
        batch_size=5000,
    )
    through_f.objects.bulk_create(
        [
            through_f(placement_id=p.pk, applicationfield_id=f.pk)
            for p in placements
            for f in rng.sample(fields, rng.randint(1, 2))
        ],
        batch_size=5000,
    )


def populate() -> str:
    try:
        from bench import ecosystem_data
    except ImportError:
        _populate(PLAYERS, CATEGORIES, SEED)
        return "bench/ecosystem_map.py"
    ecosystem_data.populate(players=PLAYERS, categories=CATEGORIES, seed=SEED)
    return "bench/ecosystem_data.py"


class _Server(threading.Thread):
    def __init__(self):
        super().__init__(daemon=True)
        self.ready = threading.Event()

    def run(self):
        from django.contrib.staticfiles.handlers import StaticFilesHandler
        from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
        from django.core.wsgi import get_wsgi_application

        class QuietHandler(WSGIRequestHandler):
            def log_message(self, *args):
                pass

        self.httpd = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler, allow_reuse_address=False)
        self.httpd.set_app(StaticFilesHandler(get_wsgi_application()))
        self.port = self.httpd.server_address[1]
        self.ready.set()
        self.httpd.serve_forever()


FILTER_CHANGE_JS = """([name, value]) => new Promise((resolve) => {
  const select = document.querySelector(`#eco-filters select[name="${name}"]`);
  const started = performance.now();
  select.value = value;
  select.dispatchEvent(new Event("change", {bubbles: true}));
  requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
})"""


def run() -> dict:
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from django.conf import settings
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from alliance.ecosystem.models import Placement, Technology
    from conftest import CHROMIUM, CHROMIUM_ARGS

    started = time.perf_counter()
    generator = populate()
    populate_seconds = time.perf_counter() - started
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "127.0.0.1"]
    technology = Technology.objects.filter(taxonomy__year=YEAR).order_by("position").first()
    server = _Server()
    server.start()
    server.ready.wait(10)
    base = f"http://127.0.0.1:{server.port}"
    url = f"{base}/ecosystem/{YEAR}/"
    began = time.perf_counter()
    urllib.request.urlopen(url).read()  # noqa: S310  our loopback server; builds the landscape once
    cold_page_ms = (time.perf_counter() - began) * 1000

    renders, changes = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        transfer = 0
        for attempt in range(3):
            context = browser.new_context(locale="ko-KR", viewport={"width": 1280, "height": 900})
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            received = []
            cdp.on(
                "Network.loadingFinished", lambda event, received=received: received.append(event["encodedDataLength"])
            )
            page.goto(url, wait_until="load", timeout=60_000)
            page.wait_for_selector("body[data-landscape-ready]", timeout=60_000)
            ready = float(page.get_attribute("body", "data-landscape-ready"))
            paint = page.evaluate(
                "(performance.getEntriesByName('first-contentful-paint')[0] || {startTime: 0}).startTime"
            )
            renders.append(max(ready, paint))
            if attempt == 0:
                page.wait_for_timeout(300)
                transfer = sum(received)
            for name, value in (
                ("region", "서울"), ("band", "10b-100b"), ("member", "no"), ("technology", str(technology.pk)),
                ("region", ""), ("band", ""),
            ):  # fmt: skip
                changes.append(page.evaluate(FILTER_CHANGE_JS, [name, value]))
            context.close()
        browser.close()

    began = time.perf_counter()
    poster = urllib.request.urlopen(f"{base}/ecosystem/{YEAR}/poster.pdf", timeout=120).read()  # noqa: S310
    poster_seconds = time.perf_counter() - began
    server.httpd.shutdown()
    return {
        "players": Placement.objects.filter(taxonomy__year=YEAR).count(),
        "generator": generator,
        "populate_seconds": round(populate_seconds, 1),
        "cold_page_ms": round(cold_page_ms, 1),  # the first request after the data changed (builds the landscape)
        "first_render_ms": round(statistics.median(renders), 1),
        "first_render_max_ms": round(max(renders), 1),
        "filter_change_ms": round(statistics.median(changes), 1),
        "filter_change_max_ms": round(max(changes), 1),
        "transfer_mb": round(transfer / 1_000_000, 3),
        "poster_seconds": round(poster_seconds, 2),
        "poster_mb": round(len(poster) / 1_000_000, 2),
    }
