"""Demo judging for a programme: five judges, a scored and closed document screening, a scored final panel
with one recusal, a drawn speaking order, winners and released results. Deterministic for a seed."""

import random
from decimal import Decimal

from django.db import transaction

from alliance.core.models import User
from alliance.core.roles import Role
from alliance.programs.models import Assignment, Criterion, Panel, ProjectGroup
from alliance.programs.services import assignment as assignment_service
from alliance.programs.services import panels as panel_service
from alliance.programs.services import results as results_service
from alliance.programs.services.loading import ScoreRow

DEMO_EVALUATOR = "evaluator@demo.alliance.kr"
JUDGE_NAMES = ("김지훈", "이서연", "박민준", "최수아", "정도윤")


def _judges(programme, rng: random.Random) -> list[User]:
    judges = []
    for index, name in enumerate(JUDGE_NAMES, start=1):
        email = DEMO_EVALUATOR if index == 1 else f"judge{index}.{programme.year}@demo.alliance.kr"
        user = User.objects.filter(email=email).first()
        if user is None:
            shown = name if index > 1 else "심사위원 데모"
            user = User.objects.create_user(email, None, name=shown, roles=(Role.EVALUATOR,))
        judges.append(user)
    # One judge works at a lead company: the conflict rules keep them off that group (a recusal in the final).
    lead = ProjectGroup.objects.filter(programme=programme).order_by("name").values_list("lead", flat=True).first()
    if lead is not None and judges[-1].organisation_id is None:
        judges[-1].organisation_id = lead
        judges[-1].save(update_fields=["organisation"])
    for judge in judges:
        assignment_service.add_evaluator(actor=None, programme=programme, user=judge, screens=True, judges_final=True)
        assignment_service.declare_ties(user=judge, programme=programme, organisations=[])
    return judges


def _score_panel(panel: Panel, rng: random.Random, quality: dict[int, float]) -> None:
    criteria: dict[int, list[Criterion]] = {}
    bias, rows = {}, []
    assignments = (
        Assignment.objects.filter(panel=panel)
        .select_related("evaluator", "group")
        .order_by("group__name", "evaluator__email")
    )
    for assignment in assignments:
        group, judge = assignment.group, assignment.evaluator
        bias.setdefault(judge.pk, rng.uniform(-0.06, 0.06))
        for criterion in criteria.setdefault(group.track_id, list(Criterion.objects.filter(track_id=group.track_id))):
            share = min(1.0, max(0.2, quality[group.pk] + bias[judge.pk] + rng.uniform(-0.08, 0.08)))
            points = Decimal(round(criterion.max_points * share * 2) / 2).quantize(Decimal("0.01"))
            rows.append(ScoreRow(judge=judge, group=group, criterion=criterion, points=points))
    panel_service.import_score_rows(actor=None, panel=panel, rows=rows, source="demo")


def _decide_ties(panel: Panel) -> None:
    for item in results_service.panel_results(panel):
        if item.result is None:
            continue
        for tie_rank in sorted({row.rank for row in item.result.rows if row.needs_decision}):
            names = sorted(row.group for row in item.result.rows if row.needs_decision and row.rank == tie_rank)
            results_service.record_tie_decision(
                actor=None, panel=panel, track=item.track, order=names, reason="데모: 가나다순 결정"
            )


def load(*, programme, seed: int) -> str:
    """Judge `programme` end to end; returns a one-line Korean summary."""
    rng = random.Random(seed)  # noqa: S311  demo data, reproducible by seed
    with transaction.atomic():
        judges = _judges(programme, rng)
        groups = list(ProjectGroup.objects.filter(programme=programme).order_by("name"))
        quality = {group.pk: rng.uniform(0.55, 0.92) for group in groups}

        screening = panel_service.open_panel(actor=None, programme=programme, kind=Panel.Kind.SCREENING)
        for judge in judges:
            panel_service.sign_pledge(user=judge, panel=screening, signed_name=judge.name)
        assignment_service.assign_automatically(actor=None, panel=screening, per_group=3)
        _score_panel(screening, rng, quality)
        panel_service.close_panel(actor=None, panel=screening)
        _decide_ties(screening)
        advancing = results_service.decide_screening(actor=None, panel=screening)
        results_service.release_results(actor=None, panel=screening, notify=False)

        final = panel_service.open_panel(actor=None, programme=programme, kind=Panel.Kind.FINAL)
        for judge in judges:
            panel_service.sign_pledge(user=judge, panel=final, signed_name=judge.name)
        assignment_service.seat_final_panel(actor=None, panel=final)
        panel_service.draw_speaking_order(actor=None, panel=final, seed=f"demo-{seed}")
        _score_panel(final, rng, quality)
        panel_service.close_panel(actor=None, panel=final)
        _decide_ties(final)
        winners = results_service.choose_winners(actor=None, panel=final)
        results_service.release_results(actor=None, panel=final, notify=False)
    return (
        f"심사: 심사위원 {len(judges)}명, 서류 평가 {len(groups)}개 그룹 중 {advancing}개 통과, "
        f"최종 평가 결과 공개, 수상 {winners}개 그룹"
    )
