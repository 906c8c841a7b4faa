"""Withdrawing a judge's scores for a group while keeping their log: shared by absences (services.panels) and
ties declared mid-scoring (services.assignment)."""

from alliance.programs.models import Score, ScoreChange

WITHDRAWN = "withdrawn"


def withdraw_scores(*, actor, panel, judge, group) -> list[dict]:
    """Remove the judge's scores for the group on the panel; each leaves a ScoreChange (points_after null,
    source "withdrawn") beside its earlier entries, which keep their panel, judge, group and criterion.

    The caller holds the transaction and writes the audit entry; returns the withdrawn values for it
    ([{"criterion", "points", "comment"}] in rubric order).
    """
    scores = list(
        Score.objects.filter(panel=panel, judge=judge, group=group)
        .select_related("criterion")
        .order_by("criterion__position", "criterion_id")
    )
    ScoreChange.objects.bulk_create(
        ScoreChange.of(
            score,
            points_before=score.points,
            points_after=None,
            comment_before=score.comment,
            changed_by=actor if getattr(actor, "is_authenticated", False) else None,
            source=WITHDRAWN,
        )
        for score in scores
    )
    Score.objects.filter(pk__in=[score.pk for score in scores]).delete()
    return [{"criterion": s.criterion.name, "points": str(s.points), "comment": s.comment} for s in scores]
