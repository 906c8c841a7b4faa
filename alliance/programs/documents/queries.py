"""Reads for the documents page: the programme's panels with the judges who score on each."""

from django.contrib.auth import get_user_model

from alliance.programs.models import Assignment, Panel, Score


def document_panels(programme) -> list[dict]:
    """Each panel of the programme with its judges (scored or assigned), in name order: three queries."""
    panels = list(Panel.objects.filter(programme=programme).order_by("kind"))
    pairs = set(Score.objects.filter(panel__in=panels).values_list("panel_id", "judge_id").distinct())
    pairs |= set(Assignment.objects.filter(panel__in=panels).values_list("panel_id", "evaluator_id").distinct())
    users = get_user_model().objects.filter(pk__in={user for _panel, user in pairs}).order_by("name", "pk")
    return [{"panel": panel, "judges": [user for user in users if (panel.pk, user.pk) in pairs]} for panel in panels]


def judges_on(panel, user) -> bool:
    """Whether `user` scores on `panel` (has an assignment or a score there)."""
    return (
        Assignment.objects.filter(panel=panel, evaluator=user).exists()
        or Score.objects.filter(panel=panel, judge=user).exists()
    )
