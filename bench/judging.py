"""Benchmark: results of a final panel of 100 groups × 7 judges × 5 criteria in ≤ 200 ms (SQLite and PostgreSQL).

`run()` sets up, in the fresh database, the 2026 programme (the set-up service's default rubric: five
criteria per track), seven judges, a hundred groups of the SW track and the closed panel's 3,500 scores
(seeded random points in half-point steps, so ties happen), then times the WHOLE results service —
`alliance.programs.services.results.panel_results(panel)`: the panel's frozen rule, the score rows read from
the database, the staff tie decisions, and the ranking engine for every track — as the result pages, the
PDFs and `judge_results` call it. Each timing is repeated after a warm-up; the figures are the median and
the worst run. `engine_ms` times the pure ranking engine alone on the same 3,500 scores (the part that is
not database work), and `zscore_engine_ms` the engine with the per-judge standardised rule, the costliest.

    python bench/run.py --only judging
"""

import random
import statistics
import time
from decimal import Decimal

TITLE = "panel results: 100 groups × 7 judges × 5 criteria"
CHECKS = {"results_ms": ("<=", 200, "ms")}
DATABASES = ("sqlite", "postgresql")
GROUPS = 100
JUDGES = 7
ROUNDS = 9
SEED = 20261110


def _timed(function, rounds: int = ROUNDS) -> list[float]:
    function()  # warm-up: imports, query compilation, caches
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def build_panel():
    """The programme, judges, groups and every score of a closed final panel; returns the panel."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from alliance.core.models import UserRole
    from alliance.core.roles import Role
    from alliance.members.models import MemberCategory
    from alliance.members.services.registry import create_organisation
    from alliance.programs.models import Criterion, Panel, ProjectGroup, Score
    from alliance.programs.services import panels as panel_service
    from alliance.programs.services.programme import create_programme

    randomness = random.Random(SEED)
    programme = create_programme(actor=None, year=2026, name="2026 메타버스 얼라이언스 프로젝트 그룹")
    track = programme.tracks.get(code="SW")
    criteria = list(Criterion.objects.filter(track=track).order_by("position"))
    lead = create_organisation(
        actor=None,
        data={
            "name": "주식회사 벤치마크",
            "business_number": "2208100005",
            "category": MemberCategory.SMALL,
            "joined_on": timezone.localdate(),
            "sido": "서울",
            "sigungu": "강남구",
            "description": "벤치마크용 회원사",
        },
    )
    user_model = get_user_model()
    user_model.objects.bulk_create(
        [user_model(email=f"judge{n}@bench.example.kr", name=f"심사위원{n}") for n in range(1, JUDGES + 1)]
    )
    judges = list(user_model.objects.filter(email__endswith="@bench.example.kr").order_by("email"))
    UserRole.objects.bulk_create([UserRole(user=judge, role=Role.EVALUATOR) for judge in judges])
    names = [f"프로젝트 그룹 {n:03d}" for n in range(GROUPS)]
    ProjectGroup.objects.bulk_create(
        [ProjectGroup(programme=programme, track=track, name=name, lead=lead) for name in names]
    )
    groups = list(ProjectGroup.objects.filter(programme=programme))
    panel = panel_service.open_panel(actor=None, programme=programme, kind=Panel.Kind.FINAL)
    panel_service.freeze_rule_on_panel(programme=programme, panel=panel, actor=None)
    scores = [
        Score(
            panel=panel,
            judge=judge,
            group=group,
            criterion=criterion,
            points=Decimal(randomness.randint(criterion.max_points, criterion.max_points * 2)) / 2,
        )
        for group in groups
        for judge in judges
        for criterion in criteria
    ]
    Score.objects.bulk_create(scores, batch_size=1000)
    Panel.objects.filter(pk=panel.pk).update(closed_at=timezone.now())
    return Panel.objects.get(pk=panel.pk)


def run() -> dict:
    from alliance.programs import ranking
    from alliance.programs.services.results import panel_results, sheets_of

    panel = build_panel()
    results = panel_results(panel)
    ranked = next(item.result for item in results if item.result)
    if len(ranked.rows) != GROUPS or any(item.error for item in results):
        raise RuntimeError(f"the panel did not rank: {[item.error for item in results]}")

    service = _timed(lambda: panel_results(panel))
    sheets = next(iter(sheets_of(panel).values()))
    engine = _timed(lambda: ranking.rank(sheets, rule="trimmed_mean"))
    zscore = _timed(lambda: ranking.rank(sheets, rule="zscore"))
    return {
        "results_ms": round(statistics.median(service), 1),
        "results_max_ms": round(max(service), 1),
        "engine_ms": round(statistics.median(engine), 1),
        "zscore_engine_ms": round(statistics.median(zscore), 1),
        "scores": len(sheets),
        "ties_needing_decision": sum(row.needs_decision for row in ranked.rows),
    }
