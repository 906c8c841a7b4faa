"""Evaluators on a programme and panels, built through the judging services.

`evaluator_on(programme, organisation=None, final=True)` is an evaluator account taking part in the
screening and (by default) the final panel; `ready_judge(panel)` is one who has declared no ties and signed
the pledge of `panel`; `scored_final(programme, judges=5, groups=...)` fills every score of a final panel.
"""

import pytest
from django.conf import settings
from django.utils import translation

from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.programs.models import Criterion, Panel
from alliance.programs.services import assignment as assignment_service
from alliance.programs.services import panels as panel_service


@pytest.fixture(autouse=True)
def english(client):
    """Messages compared in English whatever the compiled catalogue holds (tests import this fixture)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


def evaluator_on(programme, *, organisation=None, final: bool = True, screens: bool = True, name: str | None = None):
    extra = {"name": name} if name else {}
    user = UserFactory(role=Role.EVALUATOR, organisation=organisation, **extra)
    assignment_service.add_evaluator(actor=None, programme=programme, user=user, screens=screens, judges_final=final)
    return user


def ready_judge(panel: Panel, *, user=None, organisation=None, ties=()):
    """An evaluator of the panel's programme who has declared `ties` and signed the panel's pledge."""
    user = user or evaluator_on(panel.programme, organisation=organisation)
    assignment_service.declare_ties(user=user, programme=panel.programme, organisations=list(ties))
    panel_service.sign_pledge(user=user, panel=panel, signed_name=user.name)
    return user


def final_panel(programme) -> Panel:
    return panel_service.open_panel(actor=None, programme=programme, kind=Panel.Kind.FINAL)


def screening_panel(programme) -> Panel:
    return panel_service.open_panel(actor=None, programme=programme, kind=Panel.Kind.SCREENING)


def fill_scores(panel: Panel, totals: dict) -> None:
    """`totals`: (judge, group) → points given on every criterion of the group's track (as the import does)."""
    for (judge, group), points in totals.items():
        for criterion in Criterion.objects.filter(track_id=group.track_id):
            panel_service.save_score(
                judge=judge, panel=panel, group=group, criterion=criterion, points=points, source="import"
            )
