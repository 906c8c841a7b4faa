"""Conflicts of interest at consortium level, manual and automatic assignment with balanced loads."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from alliance.members.tests.factories import OrganisationFactory
from alliance.programs.models import Absence, Assignment, Score, ScreeningOutcome
from alliance.programs.services import assignment as service
from alliance.programs.tests.factories import ProgrammeFactory, ProjectGroupFactory
from alliance.programs.tests.factories_judging import (
    english,  # noqa: F401  autouse: messages in English
    evaluator_on,
    fill_scores,
    final_panel,
    ready_judge,
    screening_panel,
)


@pytest.fixture
def programme(db):
    return ProgrammeFactory()


def test_assign_evaluator_refuses_own_organisation_as_partner(programme, staff_user):
    own = OrganisationFactory(name="주식회사 심사소속")
    group = ProjectGroupFactory(programme=programme, partners=[own])
    evaluator = evaluator_on(programme, organisation=own, name="김평가")
    panel = screening_panel(programme)

    with pytest.raises(ValidationError) as refused:
        service.assign_evaluator(actor=staff_user, panel=panel, user=evaluator, group=group)

    assert refused.value.messages == [
        f"김평가 cannot evaluate {group.name}: conflict of interest with 주식회사 심사소속."
    ]
    assert Assignment.objects.count() == 0


def test_assign_evaluator_refuses_declared_tie_to_lead(programme, staff_user):
    group = ProjectGroupFactory(programme=programme)
    evaluator = evaluator_on(programme)
    service.declare_ties(user=evaluator, programme=programme, organisations=[group.lead])
    panel = screening_panel(programme)

    with pytest.raises(ValidationError):
        service.assign_evaluator(actor=staff_user, panel=panel, user=evaluator, group=group)

    assert Assignment.objects.count() == 0


def test_assign_evaluator_accepts_unrelated_group(programme, staff_user):
    group = ProjectGroupFactory(programme=programme)
    evaluator = evaluator_on(programme, organisation=OrganisationFactory())
    panel = screening_panel(programme)

    assignment = service.assign_evaluator(actor=staff_user, panel=panel, user=evaluator, group=group)

    assert (assignment.evaluator, assignment.group) == (evaluator, group)


def test_assign_automatically_never_assigns_a_conflict(programme, staff_user):
    orgs = [OrganisationFactory() for _ in range(3)]
    groups = [ProjectGroupFactory(programme=programme, lead=org, partners=1) for org in orgs]
    evaluators = [evaluator_on(programme, organisation=org) for org in orgs]
    evaluators.append(evaluator_on(programme))
    panel = screening_panel(programme)

    added = service.assign_automatically(actor=staff_user, panel=panel, per_group=2)

    pairs = set(Assignment.objects.values_list("evaluator_id", "group_id"))
    assert added == 6
    assert all((evaluator.pk, group.pk) not in pairs for evaluator, group in zip(evaluators, groups, strict=False))


def test_assign_automatically_balances_loads(programme, staff_user):
    for _ in range(7):
        ProjectGroupFactory(programme=programme)
    for _ in range(4):
        evaluator_on(programme)
    panel = screening_panel(programme)

    service.assign_automatically(actor=staff_user, panel=panel, per_group=3)

    loads = sorted(
        Assignment.objects.filter(evaluator_id=user_id).count()
        for user_id in set(Assignment.objects.values_list("evaluator_id", flat=True))
    )
    assert loads == [5, 5, 5, 6]


def test_assign_automatically_is_deterministic_and_keeps_existing(programme, staff_user):
    for _ in range(3):
        ProjectGroupFactory(programme=programme)
    for _ in range(3):
        evaluator_on(programme)
    panel = screening_panel(programme)
    service.assign_automatically(actor=staff_user, panel=panel, per_group=2)
    first = sorted(Assignment.objects.values_list("evaluator_id", "group_id"))

    added_again = service.assign_automatically(actor=staff_user, panel=panel, per_group=2)

    assert added_again == 0
    assert sorted(Assignment.objects.values_list("evaluator_id", "group_id")) == first


@settings(max_examples=60, deadline=None)
@given(
    groups=st.integers(min_value=1, max_value=12),
    evaluators=st.integers(min_value=1, max_value=8),
    per_group=st.integers(min_value=1, max_value=4),
)
def test_plan_balanced_assignment_without_conflicts_differs_by_at_most_one(groups, evaluators, per_group):
    needed = dict.fromkeys(range(groups), per_group)

    pairs = service.plan_balanced_assignment(needed, list(range(100, 100 + evaluators)), set())

    loads = [sum(1 for ev, _g in pairs if ev == evaluator) for evaluator in range(100, 100 + evaluators)]
    assert max(loads) - min(loads) <= 1
    assert len(pairs) == groups * min(per_group, evaluators)
    assert len(set(pairs)) == len(pairs)


@settings(max_examples=60, deadline=None)
@given(
    conflicts=st.sets(st.tuples(st.integers(0, 5), st.integers(0, 7)), max_size=20),
    per_group=st.integers(min_value=1, max_value=3),
)
def test_plan_balanced_assignment_never_uses_a_blocked_pair(conflicts, per_group):
    needed = dict.fromkeys(range(8), per_group)

    pairs = service.plan_balanced_assignment(needed, list(range(6)), conflicts)

    assert set(pairs) & conflicts == set()
    for group in range(8):
        eligible = sum(1 for ev in range(6) if (ev, group) not in conflicts)
        assert sum(1 for _ev, g in pairs if g == group) == min(per_group, eligible)


def test_seat_final_panel_records_recusal_for_conflicts(programme, staff_user):
    own = OrganisationFactory()
    conflicted = ProjectGroupFactory(programme=programme, lead=own)
    other = ProjectGroupFactory(programme=programme)
    judge = evaluator_on(programme, organisation=own)
    panel = final_panel(programme)

    added = service.seat_final_panel(actor=staff_user, panel=panel)

    assert added == 1
    assert list(Assignment.objects.values_list("evaluator_id", "group_id")) == [(judge.pk, other.pk)]
    assert list(Absence.objects.values_list("judge_id", "group_id", "reason")) == [(judge.pk, conflicted.pk, "recused")]


def test_declare_ties_after_assignment_withdraws_and_recuses(programme, staff_user):
    group = ProjectGroupFactory(programme=programme)
    panel = final_panel(programme)
    judge = ready_judge(panel)
    service.seat_final_panel(actor=staff_user, panel=panel)
    fill_scores(panel, {(judge, group): 10})

    service.declare_ties(user=judge, programme=programme, organisations=[group.lead])

    assert Assignment.objects.filter(panel=panel).count() == 0
    assert Score.objects.filter(panel=panel).count() == 0
    assert list(Absence.objects.values_list("reason", flat=True)) == ["recused"]


def test_assign_evaluator_refuses_a_draft_on_the_screening_panel(db, staff_user):
    programme = ProgrammeFactory()
    draft = ProjectGroupFactory(programme=programme, submitted=False)
    panel = screening_panel(programme)
    judge = evaluator_on(programme)

    with pytest.raises(ValidationError) as refused:
        service.assign_evaluator(actor=staff_user, panel=panel, user=judge, group=draft)

    assert refused.value.messages == [
        f"{draft.name} has not submitted its proposal, so the document screening does not judge it."
    ]
    assert Assignment.objects.count() == 0


def test_assign_evaluator_refuses_a_group_screened_out_on_the_final_panel(db, staff_user):
    programme = ProgrammeFactory()
    kept, dropped = ProjectGroupFactory(programme=programme), ProjectGroupFactory(programme=programme)
    screening = screening_panel(programme)
    ScreeningOutcome.objects.create(panel=screening, group=kept, score=80, rank=1, advances=True)
    ScreeningOutcome.objects.create(panel=screening, group=dropped, score=50, rank=2, advances=False)
    panel = final_panel(programme)
    judge = evaluator_on(programme)

    with pytest.raises(ValidationError) as refused:
        service.assign_evaluator(actor=staff_user, panel=panel, user=judge, group=dropped)

    assert refused.value.messages == [
        f"{dropped.name} did not go on from the document screening, so the final panel does not judge it."
    ]
    assert service.assign_evaluator(actor=staff_user, panel=panel, user=judge, group=kept).group == kept
