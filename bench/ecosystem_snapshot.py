"""Benchmark: freezing a year's ecosystem map with 10,000 players in 300 categories as a snapshot.

- freeze_seconds: `services.snapshots.freeze_snapshot` (reads the taxonomy, placements and their
  technologies, fields and secondary categories, writes the JSON document and its audit entry);
- api_ms: GET of the snapshot's JSON API through Django's test client (the frozen document as served);
- snapshot_mb: the size of that document.
The data: bench/ecosystem_data.py `populate(players=10_000, categories=300)`.

    python bench/run.py --only ecosystem_snapshot
"""

import os
import time

TITLE = "ecosystem snapshot: freeze 10,000 players"
CHECKS = {"freeze_seconds": ("<=", 10, "s")}
DATABASES = ("sqlite", "postgresql")
PLAYERS = int(os.environ.get("BENCH_SNAPSHOT_PLAYERS", "10000"))
YEAR = 2026


def run() -> dict:
    from django.test import Client

    from bench.ecosystem_data import populate

    started = time.perf_counter()
    counts = populate(players=PLAYERS, categories=300, year=YEAR)
    populate_seconds = time.perf_counter() - started

    from alliance.ecosystem.services.snapshots import freeze_snapshot

    started = time.perf_counter()
    snapshot = freeze_snapshot(actor=None, year=YEAR)
    freeze_seconds = time.perf_counter() - started

    client = Client()
    started = time.perf_counter()
    response = client.get(f"/api/ecosystem/snapshots/{snapshot.slug}.json", HTTP_HOST="localhost")
    api_ms = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, response.status_code
    return {
        "players": counts["players"],
        "categories": counts["categories"],
        "placements_frozen": len(snapshot.data["placements"]),
        "populate_seconds": round(populate_seconds, 1),
        "freeze_seconds": round(freeze_seconds, 2),
        "api_ms": round(api_ms),
        "snapshot_mb": round(len(response.content) / 1_000_000, 2),
    }
