"""What a group sees of its own judging, stage by stage: each released panel that judged it, in stage order
(screening, then final), with its rank, whether it goes on (screening), its award (final), the objection
deadline and whether the viewer may still object. Nothing of a panel whose results are not released.

A read shared by the group's page and its results page (it uses the results and objection rules, so it lives
beside them rather than in `queries`).
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from alliance.programs.models import Objection, Panel, ProjectGroup, ScreeningOutcome, Winner
from alliance.programs.services import assignment as assignment_service
from alliance.programs.services import objections as objection_service
from alliance.programs.services import results as results_service


def released_stages(group: ProjectGroup, user) -> list[dict]:
    """One entry per released panel that judged `group`: panel, row (rank and score, or None), goes_on
    (screening: True/False/None), award (final: the Winner or None), deadline, open (may `user` object now),
    objections."""
    panels = Panel.objects.filter(programme_id=group.programme_id, released_at__isnull=False).select_related(
        "programme"
    )
    judged = [panel for panel in panels if assignment_service.panel_groups(panel).filter(pk=group.pk).exists()]
    judged.sort(key=lambda panel: panel.kind != Panel.Kind.SCREENING)
    ids = [panel.pk for panel in judged]
    outcomes = dict(ScreeningOutcome.objects.filter(panel_id__in=ids, group=group).values_list("panel_id", "advances"))
    awards = {winner.panel_id: winner for winner in Winner.objects.filter(panel_id__in=ids, group=group)}
    may_object = user.has_perm("programs.object_to_result", group)
    now = timezone.now()
    stages = []
    for panel in judged:
        _item, row = results_service.group_result(panel, group)
        deadline = objection_service.objection_deadline(panel)
        stages.append(
            {
                "panel": panel,
                "row": row,
                "goes_on": outcomes.get(panel.pk),
                "award": awards.get(panel.pk),
                "deadline": deadline,
                "open": now <= deadline and may_object,
                "objections": Objection.objects.filter(panel=panel, group=group).order_by("lodged_at"),
            }
        )
    return stages


def headline(stages: list[dict]) -> tuple[str, bool] | None:
    """What the group's status badge says once a stage's result is released, instead of "submitted": the
    last released stage's verdict (label, favourable); None before any."""
    verdict = None
    for entry in stages:
        if entry["panel"].kind == Panel.Kind.SCREENING and entry["goes_on"] is not None:
            label = (
                pgettext("stage result", "Selected") if entry["goes_on"] else pgettext("stage result", "Not selected")
            )
            verdict = (f"{entry['panel'].get_kind_display()} {label}", entry["goes_on"])
        elif entry["panel"].kind == Panel.Kind.FINAL and entry["row"] is not None:
            award = entry["award"].award_name if entry["award"] else ""
            verdict = (award or _("Rank %(rank)s") % {"rank": entry["row"].rank}, bool(entry["award"]))
    return verdict
