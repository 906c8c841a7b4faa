"""demo_judging.load: complete, released, deterministic for a seed."""

import pytest

from alliance.core.models import AuditEntry
from alliance.core.templatetags.audit import change_rows
from alliance.programs import demo_judging
from alliance.programs.models import Absence, Panel, Score, Winner
from alliance.programs.services.results import results_as_json
from alliance.programs.tests.factories import ProgrammeFactory, ProjectGroupFactory
from alliance.programs.tests.factories_judging import english  # noqa: F401  autouse: messages in English


def demo_programme(year: int):
    programme = ProgrammeFactory(year=year)
    for index in range(15):
        ProjectGroupFactory(programme=programme, track_code="SW" if index % 2 else "HW", partners=1)
    return programme


def scores_only(programme) -> dict:
    results = results_as_json(Panel.objects.get(programme=programme, kind=Panel.Kind.FINAL))
    return {code: [(row["score"], row["rank"]) for row in rows] for code, rows in results["tracks"].items()}


@pytest.mark.django_db
def test_demo_judging_releases_complete_results():
    programme = demo_programme(2026)

    summary = demo_judging.load(programme=programme, seed=7)

    final = Panel.objects.get(programme=programme, kind=Panel.Kind.FINAL)
    assert final.closed_at is not None
    assert final.released_at is not None
    assert Panel.objects.get(programme=programme, kind=Panel.Kind.SCREENING).released_at is not None
    assert programme.evaluators.filter(judges_final=True).count() == 5
    assert Winner.objects.filter(panel=final).count() == 10
    assert summary.startswith("심사: 심사위원 5명, 서류 평가 15개 그룹 중 10개 통과")


@pytest.mark.django_db
def test_demo_judging_audit_entries_show_in_the_audit_log():
    programme = demo_programme(2026)
    demo_judging.load(programme=programme, seed=3)

    shown = [change_rows(entry) for entry in AuditEntry.objects.filter(action__startswith="programs.")]

    assert all(isinstance(rows, list) for rows in shown)
    assert len(shown) > 10


@pytest.mark.django_db
def test_demo_judging_is_deterministic_for_a_seed():
    first, second = demo_programme(2026), demo_programme(2027)

    demo_judging.load(programme=first, seed=11)
    demo_judging.load(programme=second, seed=11)

    assert scores_only(first) == scores_only(second)
    assert Score.objects.filter(panel__programme=first).count() == Score.objects.filter(panel__programme=second).count()
    assert (
        Absence.objects.filter(panel__programme=first).count()
        == Absence.objects.filter(panel__programme=second).count()
    )


@pytest.mark.django_db
def test_demo_mentoring_after_judging_mentors_only_the_groups_that_went_on():
    from alliance.programs import demo_mentoring
    from alliance.programs.models import MentoringSession, ScreeningOutcome

    programme = demo_programme(2026)
    programme.groups.update(mentoring_field="교육·훈련")
    demo_judging.load(programme=programme, seed=7)

    demo_mentoring.load(programme=programme, seed=7)

    went_on = set(ScreeningOutcome.objects.filter(advances=True).values_list("group__name", flat=True))
    mentored = set(MentoringSession.objects.values_list("group__name", flat=True))
    assert (len(went_on), mentored) == (10, went_on)
