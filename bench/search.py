"""Benchmark: directory search among 100,000 organisations, p95 ≤ 50 ms server-side (SQLite and PostgreSQL).

`run(n)` fills the current database with `n` plausible organisations written directly in bulk (rows with
their name key and search text, business fields, then the search tokens through `search.reindex`),
then times the directory view (`GET /member_companies?...` through Django's test client: URL routing,
middleware, queries and template rendering) for a mix of ~50 searches — two-syllable fragments, longer
words, name variants, filters, no query, a far page — each run several times after a warm-up, and
returns p50/p95/max in milliseconds.

    python bench/search.py [--n 100000]    # alone: a temporary SQLite database unless DATABASE_URL is set
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

N = int(os.environ.get("BENCH_N", "100000"))

TITLE = "directory search (server-side)"
CHECKS = {"p95_ms": ("<=", 50, "ms")}
SEED = 20261122
ROUNDS = 3

_PREFIXES = (
    "가온",
    "한빛",
    "누리",
    "다온",
    "아라",
    "미르",
    "하람",
    "새벽",
    "푸른",
    "별빛",
    "온새",
    "이룸",
    "나래",
    "슬기",
    "메타",
    "디지털",
    "가상",
    "스마트",
    "미래",
    "리얼",
    "에이아이",
    "엑스알",
    "브이알",
    "큐브",
    "픽셀",
    "넥스트",
)
_MIDDLES = ("", "소프트", "테크", "랩", "미디어", "인터랙티브", "비전", "웨이브", "로직", "브릿지", "씨앤씨", "데이터")
_SUFFIXES = ("", "스튜디오", "시스템즈", "네트웍스", "솔루션", "플랫폼", "코리아", "웍스", "엔터테인먼트", "이노베이션")
_FORMS = ("주식회사 {}", "(주){}", "㈜{}", "{} 주식회사", "{}")
_FIELDS = (
    "메타버스",
    "디지털트윈",
    "XR 콘텐츠",
    "AR 글래스",
    "HMD",
    "햅틱",
    "게임엔진",
    "CG/VFX",
    "인공지능",
    "클라우드",
    "블록체인",
    "네트워크",
    "반도체",
    "교육",
    "헬스케어",
    "스마트제조",
    "건설",
    "관광",
    "국방",
    "광고",
    "패션",
    "유통",
    "가상융합 플랫폼",
    "실감형 콘텐츠",
    "3D 모델링",
    "디지털휴먼",
    "공간컴퓨팅",
    "NFT",
    "e스포츠",
    "버추얼 프로덕션",
)
_CATEGORIES = (("small", 60), ("medium", 19), ("large", 8), ("agency", 6), ("nonprofit", 5), ("university", 2))
_SIDO = (
    ("서울", 58),
    ("경기", 21),
    ("인천", 2),
    ("부산", 4),
    ("대전", 4),
    ("대구", 3),
    ("광주", 2),
    ("강원", 2),
    ("충남", 1),
    ("경남", 1),
    ("제주", 2),
)
_SEOUL = ("강남구", "서초구", "마포구", "구로구", "금천구", "성동구", "종로구", "송파구", "영등포구", "중구")
_OTHER = ("중구", "수원시", "성남시", "해운대구", "유성구", "북구", "동구", "춘천시", "창원시", "제주시")


def _weighted(rng: random.Random, options):
    return rng.choices([value for value, _ in options], weights=[weight for _, weight in options])[0]


def populate(n: int, seed: int = SEED) -> list[str]:
    """Write `n` organisations in bulk; return their names (for name-variant queries)."""
    from django.db import connection, transaction
    from django.utils import timezone

    from alliance.core.korean import company_name_key
    from alliance.members import search
    from alliance.members.models import BusinessField, Organisation

    rng = random.Random(seed)
    fields = {
        field.name: field for field in BusinessField.objects.bulk_create([BusinessField(name=f) for f in _FIELDS])
    }
    through = Organisation.fields.through
    today = timezone.localdate()
    names, keys, batch, chosen = [], set(), [], []
    with transaction.atomic():
        for index in range(n):
            base = f"{rng.choice(_PREFIXES)}{rng.choice(_MIDDLES)}{rng.choice(_SUFFIXES)}"
            if company_name_key(base) in keys or len(base) < 3:
                base = f"{base}{index}"
            key = company_name_key(base)
            keys.add(key)
            name = rng.choice(_FORMS).format(base)
            field_names = rng.sample(_FIELDS, rng.randint(1, 4))
            sido = _weighted(rng, _SIDO)
            joined = datetime.date(2015, 1, 1) + datetime.timedelta(
                days=rng.randrange((today - datetime.date(2015, 1, 1)).days)
            )
            withdrawn = joined + datetime.timedelta(days=rng.randrange(30, 900)) if rng.random() < 0.05 else None
            batch.append(
                Organisation(
                    name=name,
                    name_key=key,
                    category=_weighted(rng, _CATEGORIES),
                    joined_on=joined,
                    withdrawn_on=withdrawn if withdrawn and withdrawn <= today else None,
                    sido=sido,
                    sigungu=rng.choice(_SEOUL if sido == "서울" else _OTHER),
                    founded_year=rng.randint(1990, 2025),
                    employees=rng.randint(2, 3_000),
                    revenue_million=rng.randint(50, 500_000),
                    description=f"{field_names[0]} 분야의 가상융합 서비스를 개발하는 {base}입니다.",
                    last_confirmed_on=joined,
                    search_text=search.build_search_text(name=name, name_en="", field_names=field_names),
                )
            )
            chosen.append(field_names)
            names.append(name)
            if len(batch) == 5_000 or index == n - 1:
                created = Organisation.objects.bulk_create(batch)
                through.objects.bulk_create(
                    [
                        through(organisation_id=org.pk, businessfield_id=fields[f].pk)
                        for org, field_names in zip(created, chosen, strict=True)
                        for f in field_names
                    ]
                )
                search.reindex([org.pk for org in created], fresh=True)
                batch, chosen = [], []
    # Fresh planner statistics and (PostgreSQL) visibility maps, as autovacuum or SQLite's `PRAGMA optimize`
    # keep them on a live database.
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            tables = [Organisation._meta.db_table, through._meta.db_table, search.SearchToken._meta.db_table]
            _vacuum_until_visible(cursor, tables)
        else:
            cursor.execute("ANALYZE")
    return names


def _vacuum_until_visible(cursor, tables: list[str], attempts: int = 10) -> None:
    """VACUUM ANALYZE until every page of the tables is marked all-visible, as on a settled live database.

    Right after millions of inserts PostgreSQL's autovacuum starts analysing the same tables, and its snapshot
    keeps a VACUUM from marking the newest pages visible: index-only scans then visit the table, and the
    figures swing by half from run to run. A few seconds later a VACUUM marks them all.
    """
    for _ in range(attempts):
        cursor.execute("VACUUM ANALYZE " + ", ".join(tables))
        cursor.execute(
            "SELECT COALESCE(SUM(relpages - relallvisible), 0) FROM pg_class WHERE relname = ANY(%s)", [tables]
        )
        if cursor.fetchone()[0] == 0:
            return
        time.sleep(1)


def queries(names: list[str], seed: int = SEED) -> list[dict]:
    """About 50 directory requests: fragments, words, name variants, filters, none, a far page."""
    rng = random.Random(seed + 1)
    bare = [name.replace("주식회사", "").replace("(주)", "").replace("㈜", "").strip() for name in rng.sample(names, 8)]
    return [
        *({"q": q} for q in ("트윈", "메타", "게임", "교육", "가온", "한빛", "소프트", "플랫", "스튜", "헬스")),
        *(
            {"q": q}
            for q in ("디지털트윈", "메타버스", "스마트제조", "가상융합 플랫폼", "디지털 트윈", "버추얼프로덕션")
        ),
        *({"q": q} for q in ("xr", "AR 글래스", "햅틱", "e스포츠", "공간컴퓨팅", "없는회사이름")),
        *({"q": f"㈜{name}"} for name in bare[:3]),
        *({"q": f"{name} 주식회사"} for name in bare[3:6]),
        *({"q": name} for name in bare[6:]),
        {"q": "트윈", "sido": "서울"},
        {"q": "메타", "category": "small"},
        {"q": "게임", "sido": "부산", "category": "medium"},
        {"field": "디지털트윈"},
        {"field": "메타버스", "sido": "경기"},
        {"sido": "서울"},
        {"sido": "제주"},
        {"category": "large"},
        {"category": "university", "sido": "서울"},
        {"q": "클라우드", "field": "클라우드"},
        {},
        {"page": "2"},
        {"page": "40"},
        {"q": "메타", "page": "100"},
        {"q": "랩", "sido": "대전"},
        {"q": "가"},
    ]


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def run(n: int = N) -> dict:
    from django.conf import settings
    from django.test import Client

    from alliance.members.models import Organisation

    started = time.perf_counter()
    names = populate(n)
    populate_seconds = time.perf_counter() - started
    if "testserver" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client = Client()
    mix = queries(names)
    for params in mix:  # warm-up: connections, template loading, database caches
        client.get("/member_companies", params)
    timings: dict[str, list[float]] = {}
    for _ in range(ROUNDS):
        for params in mix:
            begin = time.perf_counter()
            response = client.get("/member_companies", params)
            elapsed = (time.perf_counter() - begin) * 1000
            if response.status_code != 200:
                msg = f"GET /member_companies {params} answered {response.status_code}"
                raise RuntimeError(msg)
            timings.setdefault(repr(params), []).append(elapsed)
    samples = [value for values in timings.values() for value in values]
    slowest = sorted(timings.items(), key=lambda item: -statistics.median(item[1]))[:3]
    return {
        "organisations": Organisation.objects.count(),
        "requests": len(samples),
        "p50_ms": round(_percentile(samples, 0.50), 1),
        "p95_ms": round(_percentile(samples, 0.95), 1),
        "max_ms": round(max(samples), 1),
        "slowest": {params: round(statistics.median(values), 1) for params, values in slowest},
        "populate_seconds": round(populate_seconds, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=N)
    args = parser.parse_args()
    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root))
    scratch = tempfile.mkdtemp(prefix="bench-search-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{scratch}/bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alliance.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    print(run(args.n))


if __name__ == "__main__":
    main()
