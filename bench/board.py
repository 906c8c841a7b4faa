"""Benchmark: the boards' public pages at scale, server time p95 ≤ 50 ms (issue 13: "the board ≤ 50 ms").

`run(n)` writes `n` posts over both boards (a tenth pinned, a twentieth scheduled or drafts, Markdown bodies of
about 1,500 characters, every category), then times through Django's test client what a reader asks:
`/notice_board` and `/alliance_news` (first page, a later page, a title search, a category), a post's page
(rendering and sanitising its Markdown, counting the view) and both feeds.

    python bench/run.py --only board [--n 10000]
"""

import datetime
import os
import random
import statistics
import time

N = int(os.environ.get("BENCH_BOARD_N", os.environ.get("BENCH_N", "10000")))
TITLE = "boards: /notice_board, /alliance_news, a post, feeds (server time)"
CHECKS = {"p95_ms": ("<=", 50, "ms")}
ROUNDS = 5
SEED = 20261207
WORDS = [
    "메타버스",
    "얼라이언스",
    "회원사",
    "지원사업",
    "공고",
    "행사",
    "개최",
    "안내",
    "모집",
    "설명회",
    "세미나",
    "교육",
    "실증",
    "과제",
    "성과",
    "분과",
    "운영위원회",
]
BROWSER = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36"


def _body(rng: random.Random) -> str:
    lines = ["## 개요", ""]
    for _ in range(12):
        lines.append(" ".join(rng.choice(WORDS) for _ in range(14)) + ".")
    lines += ["", "- **일정**: 5월 16일", "- **장소**: 서울", "", "[자세히 보기](https://alliance.example.kr/)"]
    return "\n".join(lines)


def populate(n: int) -> list[int]:
    from django.utils import timezone

    from alliance.info.models import Board, Category, Post

    rng = random.Random(SEED)
    now = timezone.now()
    posts = []
    for number in range(n):
        board = Board.NOTICES if number % 3 else Board.NEWS
        category = rng.choice(Category.values) if board == Board.NOTICES else Category.NEWS
        publish_at = now - datetime.timedelta(hours=number + 1)
        if number % 20 == 0:
            publish_at = None if number % 40 == 0 else now + datetime.timedelta(days=3)
        title = " ".join(rng.choice(WORDS) for _ in range(5)) + f" {number}"
        posts.append(
            Post(
                board=board,
                category=category,
                title=title,
                body=_body(rng),
                pinned=number % 10 == 1 and number < 50,
                publish_at=publish_at,
                view_count=rng.randint(0, 5000),
            )
        )
    Post.objects.bulk_create(posts, batch_size=1000)
    return list(Post.objects.filter(publish_at__lte=now).values_list("pk", "board")[:50])


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def run(n: int = N) -> dict:
    from django.conf import settings
    from django.test import Client

    started = time.perf_counter()
    published = populate(n)
    populate_seconds = time.perf_counter() - started
    if "testserver" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client = Client(HTTP_USER_AGENT=BROWSER)
    requests = [
        ("/notice_board", {}),
        ("/notice_board", {"page": 40}),
        ("/notice_board", {"q": "지원사업 공고"}),
        ("/notice_board", {"category": "call"}),
        ("/alliance_news", {}),
        ("/notice_board/rss.xml", {}),
        ("/alliance_news/atom.xml", {}),
    ]
    requests += [
        (f"/{'notice_board' if board == 'notices' else 'alliance_news'}/{pk}", {}) for pk, board in published[:8]
    ]
    for path, params in requests:  # warm-up: connections, templates, caches
        client.get(path, params)
    timings: dict[str, list[float]] = {}
    for _ in range(ROUNDS):
        for path, params in requests:
            begin = time.perf_counter()
            response = client.get(path, params)
            elapsed = (time.perf_counter() - begin) * 1000
            if response.status_code != 200:
                msg = f"GET {path} {params} answered {response.status_code}"
                raise RuntimeError(msg)
            timings.setdefault(f"{path} {params or ''}".strip(), []).append(elapsed)
    samples = [value for values in timings.values() for value in values]
    slowest = sorted(timings.items(), key=lambda item: -statistics.median(item[1]))[:3]
    return {
        "posts": n,
        "requests": len(samples),
        "p50_ms": round(_percentile(samples, 0.50), 1),
        "p95_ms": round(_percentile(samples, 0.95), 1),
        "max_ms": round(max(samples), 1),
        "slowest": {name: round(statistics.median(values), 1) for name, values in slowest},
        "populate_seconds": round(populate_seconds, 1),
    }
