"""What the competition adds to the public front page (`alliance.core.frontpage`): the number of project
groups in the newest programme (leading to the results), and its calls and stages not yet over under "coming
up" (the call leading to the representatives' page to apply, the awards to the results)."""

import datetime

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from alliance.core.frontpage import AgendaItem, Figure, FigureValue, register_agenda, register_figure
from alliance.programs.models import Stage, StageKind
from alliance.programs.queries import coming_stages, newest_programme_with_groups


def _groups() -> FigureValue | None:
    programme = newest_programme_with_groups()
    if programme is None:
        return None
    label = _("Project groups in the %(year)s competition") % {"year": programme.year}
    return FigureValue(label, programme.submitted_count, "개", reverse("programs:latest_results"))


def _link(stage: Stage) -> str:
    if stage.kind == StageKind.CALL:
        return reverse("programs:my_groups")
    if stage.kind == StageKind.AWARDS:
        return reverse("programs:public_results", kwargs={"year": stage.programme.year})
    return ""


def _kind(stage: Stage) -> str:
    return pgettext("front page", "Call") if stage.kind == StageKind.CALL else pgettext("front page", "Competition")


def _stages(now: datetime.datetime, limit: int) -> list[AgendaItem]:
    return [
        AgendaItem(
            title=f"{stage.programme.name} · {stage.get_kind_display()}",
            kind=_kind(stage),
            starts_at=stage.starts_at,
            ends_at=stage.ends_at,
            url=_link(stage),
        )
        for stage in coming_stages(now=now, limit=limit)
    ]


register_figure(Figure("programs", 30, _groups))
register_agenda("programs", _stages)
