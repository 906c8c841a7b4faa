"""A judged programme for the documents' tests, built through the judging services.

`judged_final(programme, actor, per_criterion)` seats five judges (심사위원 가 … 마) on the final panel,
gives each of them `per_criterion[group][i]` points on every criterion of the group's track (five
criteria: the judge's total is five times that), closes the panel and chooses the winners.
"""

from alliance.programs.services import assignment as assignment_service
from alliance.programs.services import panels as panel_service
from alliance.programs.services import results as results_service
from alliance.programs.tests.factories_judging import evaluator_on, fill_scores, final_panel, ready_judge

JUDGE_NAMES = ("심사위원 가", "심사위원 나", "심사위원 다", "심사위원 라", "심사위원 마")


def seated_judges(programme, panel, count: int = 5):
    return [ready_judge(panel, user=evaluator_on(programme, name=name)) for name in JUDGE_NAMES[:count]]


def judged_final(programme, actor, per_criterion: dict, *, close: bool = True, winners: bool = True):
    panel = final_panel(programme)
    judges = seated_judges(programme, panel, len(next(iter(per_criterion.values()))))
    assignment_service.seat_final_panel(actor=actor, panel=panel)
    fill_scores(
        panel,
        {
            (judge, group): points
            for group, all_points in per_criterion.items()
            for judge, points in zip(judges, all_points, strict=True)
        },
    )
    if close:
        panel_service.close_panel(actor=actor, panel=panel)
        panel.refresh_from_db()
        if winners:
            results_service.choose_winners(actor=actor, panel=panel)
    return panel, judges
