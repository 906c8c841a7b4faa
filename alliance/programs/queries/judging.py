"""Reads of the judging pages: an evaluator's panels and assignments, a panel's progress, raw score tables."""

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce

from alliance.programs.models import (
    Absence,
    Assignment,
    Criterion,
    Panel,
    Pledge,
    ProgrammeEvaluator,
    RankingRule,
    Score,
    SpeakingOrderDraw,
)
from alliance.programs.models.programme import tie_break_label


def _scored_count():
    scores = Score.objects.filter(panel=OuterRef("panel"), judge=OuterRef("evaluator"), group=OuterRef("group"))
    return Coalesce(
        Subquery(
            scores.order_by().values("panel").annotate(c=Count("pk")).values("c")[:1], output_field=IntegerField()
        ),
        0,
    )


def _criteria_count():
    criteria = Criterion.objects.filter(track=OuterRef("group__track"))
    return Coalesce(
        Subquery(
            criteria.order_by().values("track").annotate(c=Count("pk")).values("c")[:1], output_field=IntegerField()
        ),
        0,
    )


def assignments_with_progress(panel: Panel):
    """The panel's assignments with `scored` (criteria scored) and `criteria` (criteria of the rubric)."""
    return (
        Assignment.objects.filter(panel=panel)
        .select_related("evaluator", "group", "group__track")
        .annotate(scored=_scored_count(), criteria=_criteria_count())
        .order_by("group__track__position", "group__name", "evaluator__name")
    )


def evaluator_panels(user):
    """The panels of the programmes the evaluator takes part in, with whether they declared and pledged."""
    memberships = ProgrammeEvaluator.objects.filter(user=user).select_related("programme")
    declared = {membership.programme_id: membership.ties_declared_at for membership in memberships}
    pledged = set(Pledge.objects.filter(evaluator=user).values_list("panel_id", flat=True))
    panels = list(
        Panel.objects.filter(programme_id__in=declared).select_related("programme").order_by("-programme__year", "kind")
    )
    for panel in panels:
        panel.ties_declared = declared[panel.programme_id] is not None
        panel.pledged = panel.pk in pledged
    return panels


def evaluator_assignments(user, panel: Panel) -> list:
    """The evaluator's assignments on the panel with their progress, in the drawn speaking order if there is
    one (presentation day), else by group name."""
    assignments = list(
        Assignment.objects.filter(panel=panel, evaluator=user)
        .select_related("group", "group__track")
        .annotate(scored=_scored_count(), criteria=_criteria_count())
        .order_by("group__name")
    )
    draw = latest_draw(panel)
    if draw is not None:
        position = {group_id: index for index, group_id in enumerate(draw.order)}
        assignments.sort(key=lambda assignment: position.get(assignment.group_id, len(position)))
    return assignments


def own_scores(user, panel: Panel, group) -> dict[int, Score]:
    """The judge's own scores for one group, by criterion id (never another judge's)."""
    return {score.criterion_id: score for score in Score.objects.filter(panel=panel, judge=user, group=group)}


def absences(panel: Panel):
    return Absence.objects.filter(panel=panel).select_related("judge", "group").order_by("group__name", "judge__name")


def latest_draw(panel: Panel) -> SpeakingOrderDraw | None:
    return SpeakingOrderDraw.objects.filter(panel=panel).first()


def panel_memberships(panel: Panel):
    memberships = ProgrammeEvaluator.objects.filter(programme_id=panel.programme_id).select_related("user")
    if panel.kind == Panel.Kind.FINAL:
        return memberships.filter(judges_final=True)
    return memberships.filter(screens=True)


def final_judge_count(panel: Panel) -> tuple[int, int] | None:
    """(judges on the final panel, the programme's stated number) when they differ; None when they agree or the
    panel is the screening. The final panel's judges are the programme's evaluators marked as final judges:
    seating gives each of them every finalist."""
    if panel.kind != Panel.Kind.FINAL:
        return None
    count = panel_memberships(panel).count()
    expected = panel.programme.final_judges
    return None if count == expected else (count, expected)


def raw_score_table(panel: Panel) -> dict[str, dict]:
    """Group name → {"criteria": [...], "judges": {judge email: {"name", "points": [...], "total"}}} of raw scores."""
    scores = (
        Score.objects.filter(panel=panel)
        .select_related("judge", "group", "criterion")
        .order_by("group__name", "judge__name", "criterion__position", "criterion__pk")
    )
    table: dict[str, dict] = {}
    for score in scores:
        group = table.setdefault(score.group.name, {"criteria": [], "judges": {}})
        if score.criterion.name not in group["criteria"]:
            group["criteria"].append(score.criterion.name)
        judge = group["judges"].setdefault(score.judge.email, {"name": score.judge.name, "points": [], "total": 0})
        judge["points"].append(score.points)
        judge["total"] += score.points
    return table


RULE_LABELS = dict(RankingRule.choices)


def result_sheet(panel: Panel, results) -> list[dict]:
    """Per track: rows of the ranking joined with every raw score, judge names instead of e-mails, rules and
    tie-break keys by their labels."""
    table = raw_score_table(panel)
    tracks = []
    for item in results:
        rows = []
        for row in item.result.rows if item.result else ():
            raw = table.get(row.group, {"criteria": [], "judges": {}})
            judges = [
                {
                    "name": judge["name"],
                    "points": judge["points"],
                    "total": judge["total"],
                    "dropped": email in row.dropped,
                }
                for email, judge in sorted(raw["judges"].items(), key=lambda pair: pair[1]["name"])
            ]
            rows.append(
                {
                    "row": row,
                    "criteria": raw["criteria"],
                    "judges": judges,
                    "rule_label": RULE_LABELS.get(row.rule_applied, row.rule_applied),
                    "tie_break": [(tie_break_label(step.key), step.shown) for step in row.tie_break],
                }
            )
        tracks.append({"item": item, "rows": rows})
    return tracks
