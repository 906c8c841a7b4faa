"""Benchmark: freezing a year's ecosystem map with 10,000 players in 300 categories as a snapshot.

- freeze_seconds: `services.snapshots.freeze_snapshot` (reads the taxonomy, placements and their
  technologies, fields and secondary categories, writes the JSON document and its audit entry, and computes
  and stores the files it is served as: the API document and the landscape.yml, plain and gzip);
- api_ms: GET of the snapshot's JSON API through Django's test client (the stored document, streamed);
  api_gzip_ms with Accept-Encoding: gzip; api_304_ms with the ETag it answered (304 Not Modified);
- landscape_yml_ms: GET of the published landscape.yml (stored), live_landscape_yml_ms: the year's current one
  (computed on each request);
- snapshot_mb, snapshot_gzip_mb: the size of the document, plain and as sent compressed.
The data: bench/ecosystem_data.py `populate(players=10_000, categories=300)`.

    python bench/run.py --only ecosystem_snapshot
"""

import os
import time

TITLE = "ecosystem snapshot: freeze 10,000 players"
CHECKS = {"freeze_seconds": ("<=", 10, "s"), "api_ms": ("<=", 100, "ms"), "api_304_ms": ("<=", 20, "ms")}
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

    def timed(url, **headers):
        started = time.perf_counter()
        response = client.get(url, headers={"Host": "localhost", **headers})
        body = response.getvalue()
        assert response.status_code in {200, 304}, response.status_code
        return response, body, round((time.perf_counter() - started) * 1000)

    api = f"/api/ecosystem/snapshots/{snapshot.slug}.json"
    timed("/api/ecosystem/snapshots.json")  # the first request of a process loads URLs and catalogues
    response, document, api_ms = timed(api)
    _compressed, compressed, api_gzip_ms = timed(api, Accept_Encoding="gzip")
    not_modified, _empty, api_304_ms = timed(api, If_None_Match=response["ETag"])
    assert not_modified.status_code == 304
    _yml, _text, landscape_yml_ms = timed(f"/ecosystem/{YEAR}/landscape.yml?version=published")
    _live, _text, live_landscape_yml_ms = timed(f"/ecosystem/{YEAR}/landscape.yml")
    return {
        "players": counts["players"],
        "categories": counts["categories"],
        "placements_frozen": len(snapshot.data["placements"]),
        "populate_seconds": round(populate_seconds, 1),
        "freeze_seconds": round(freeze_seconds, 2),
        "api_ms": api_ms,
        "api_gzip_ms": api_gzip_ms,
        "api_304_ms": api_304_ms,
        "landscape_yml_ms": landscape_yml_ms,
        "live_landscape_yml_ms": live_landscape_yml_ms,
        "snapshot_mb": round(len(document) / 1_000_000, 2),
        "snapshot_gzip_mb": round(len(compressed) / 1_000_000, 2),
    }
