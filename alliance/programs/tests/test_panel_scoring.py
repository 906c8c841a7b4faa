"""Scoring on a panel: the pledge gate, range checks, the amendment log, the rule lock, closing, the draw."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from alliance.core.models import AuditEntry
from alliance.programs.models import Absence, Criterion, Score, ScoreChange
from alliance.programs.services import assignment as assignment_service
from alliance.programs.services import panels as service
from alliance.programs.services.programme import update_programme_rules
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


@pytest.fixture
def seated(programme, staff_user):
    """A final panel with one SW group, two ready judges seated for it."""
    group = ProjectGroupFactory(programme=programme)
    panel = final_panel(programme)
    judges = [ready_judge(panel), ready_judge(panel)]
    assignment_service.seat_final_panel(actor=staff_user, panel=panel)
    return panel, group, judges


def first_criterion(group):
    return Criterion.objects.filter(track_id=group.track_id).first()


def test_save_score_refused_before_the_pledge(programme, staff_user):
    group = ProjectGroupFactory(programme=programme)
    panel = final_panel(programme)
    judge = evaluator_on(programme)
    assignment_service.seat_final_panel(actor=staff_user, panel=panel)

    with pytest.raises(ValidationError) as refused:
        service.save_score(judge=judge, panel=panel, group=group, criterion=first_criterion(group), points=10)

    assert refused.value.messages == ["Declare your ties and sign the pledge before scoring."]
    assert Score.objects.count() == 0


def test_sign_pledge_refused_before_declaring_ties(programme):
    panel = final_panel(programme)
    judge = evaluator_on(programme)

    with pytest.raises(ValidationError) as refused:
        service.sign_pledge(user=judge, panel=panel, signed_name=judge.name)

    assert refused.value.messages == ["Declare your ties to organisations before signing the pledge."]


def test_save_score_refuses_points_above_the_maximum(seated):
    panel, group, (judge, _other) = seated

    with pytest.raises(ValidationError) as refused:
        service.save_score(judge=judge, panel=panel, group=group, criterion=first_criterion(group), points="20.5")

    assert refused.value.messages == ["독창성 및 혁신성 takes points from 0 to 20."]


def test_save_score_refuses_a_judge_not_assigned(seated, programme):
    panel, group, _judges = seated
    outsider = ready_judge(panel)

    with pytest.raises(ValidationError):
        service.save_score(judge=outsider, panel=panel, group=group, criterion=first_criterion(group), points=5)

    assert Score.objects.count() == 0


def test_amending_a_score_logs_every_change(seated):
    panel, group, (judge, _other) = seated
    criterion = first_criterion(group)

    service.save_score(judge=judge, panel=panel, group=group, criterion=criterion, points=15, comment="좋음")
    service.save_score(judge=judge, panel=panel, group=group, criterion=criterion, points="17.5", comment="매우 좋음")

    assert Score.objects.get().points == Decimal("17.50")
    assert list(ScoreChange.objects.values_list("points_before", "points_after", "comment_after")) == [
        (None, Decimal("15.00"), "좋음"),
        (Decimal("15.00"), Decimal("17.50"), "매우 좋음"),
    ]
    assert list(
        AuditEntry.objects.filter(action__startswith="programs.score").order_by("pk").values_list("action", flat=True)
    ) == [
        "programs.score.saved",
        "programs.score.amended",
    ]


def test_recording_an_absence_keeps_the_withdrawn_scores_in_the_log_and_the_audit(seated, staff_user):
    panel, group, (judge, _other) = seated
    criterion = first_criterion(group)
    service.save_score(judge=judge, panel=panel, group=group, criterion=criterion, points=15, comment="좋음")
    service.save_score(judge=judge, panel=panel, group=group, criterion=criterion, points=16, comment="좋음")

    service.record_absence(actor=staff_user, panel=panel, judge=judge, group=group, reason="absent", note="병가")

    assert Score.objects.count() == 0
    assert list(
        ScoreChange.objects.values_list(
            "panel", "judge", "group", "criterion", "points_before", "points_after", "source", "score"
        )
    ) == [
        (panel.pk, judge.pk, group.pk, criterion.pk, None, Decimal("15.00"), "web", None),
        (panel.pk, judge.pk, group.pk, criterion.pk, Decimal("15.00"), Decimal("16.00"), "web", None),
        (panel.pk, judge.pk, group.pk, criterion.pk, Decimal("16.00"), None, "withdrawn", None),
    ]
    entry = AuditEntry.objects.get(action="programs.panel.absence_recorded")
    assert entry.before == {"withdrawn_scores": [{"criterion": criterion.name, "points": "16.00", "comment": "좋음"}]}


def test_declaring_a_tie_mid_scoring_keeps_the_withdrawn_scores_in_the_log_and_the_audit(seated):
    panel, group, (judge, _other) = seated
    criterion = first_criterion(group)
    service.save_score(judge=judge, panel=panel, group=group, criterion=criterion, points=12)

    assignment_service.declare_ties(user=judge, programme=panel.programme, organisations=[group.lead])

    assert list(ScoreChange.objects.values_list("points_before", "points_after", "source", "judge", "group")) == [
        (None, Decimal("12.00"), "web", judge.pk, group.pk),
        (Decimal("12.00"), None, "withdrawn", judge.pk, group.pk),
    ]
    entry = AuditEntry.objects.get(action="programs.assignment.withdrawn")
    assert entry.before["withdrawn_scores"] == [{"criterion": criterion.name, "points": "12.00", "comment": ""}]
    assert Absence.objects.get().reason == "recused"


def test_first_score_locks_the_ranking_rule(seated, programme, staff_user):
    panel, group, (judge, _other) = seated

    service.save_score(judge=judge, panel=panel, group=group, criterion=first_criterion(group), points=10)

    programme.refresh_from_db()
    panel.refresh_from_db()
    assert programme.rule_locked_at is not None
    assert panel.rule_snapshot["rule"] == "trimmed_mean"
    with pytest.raises(ValidationError):
        update_programme_rules(actor=staff_user, programme=programme, data={"ranking_rule": "median"})


def test_close_panel_refused_while_a_score_is_missing(seated, staff_user):
    panel, group, (judge, other) = seated
    fill_scores(panel, {(judge, group): 10})

    with pytest.raises(ValidationError) as refused:
        service.close_panel(actor=staff_user, panel=panel)

    assert refused.value.messages == [
        f"The panel cannot close: 1 score sheets are incomplete: {other.name} – {group.name} (5 missing)"
    ]
    panel.refresh_from_db()
    assert panel.closed_at is None


def test_close_panel_accepts_a_recorded_absence(seated, staff_user):
    panel, group, (judge, other) = seated
    fill_scores(panel, {(judge, group): 10})
    service.record_absence(actor=staff_user, panel=panel, judge=other, group=group, reason=Absence.Reason.ABSENT)

    service.close_panel(actor=staff_user, panel=panel)

    panel.refresh_from_db()
    assert panel.closed_at is not None


def test_scores_cannot_change_after_closing(seated, staff_user):
    panel, group, (judge, other) = seated
    fill_scores(panel, {(judge, group): 10, (other, group): 12})
    service.close_panel(actor=staff_user, panel=panel)

    with pytest.raises(ValidationError) as refused:
        service.save_score(judge=judge, panel=panel, group=group, criterion=first_criterion(group), points=1)

    assert refused.value.messages == ["The panel is closed; scores can no longer change."]
    assert set(Score.objects.values_list("points", flat=True)) == {10, 12}


def test_draw_speaking_order_replays_from_its_seed(programme, staff_user):
    groups = [ProjectGroupFactory(programme=programme) for _ in range(6)]
    panel = final_panel(programme)

    draw = service.draw_speaking_order(actor=staff_user, panel=panel, seed="kmf-2026")

    assert sorted(draw.order) == sorted(group.pk for group in groups)
    assert draw.order == service.shuffled(sorted(group.pk for group in groups), "kmf-2026")
    assert AuditEntry.objects.filter(action="programs.panel.order_drawn").count() == 1


def test_close_panel_refused_while_a_finalist_has_no_assigned_judge(seated, programme, staff_user):
    panel, group, judges = seated
    fill_scores(panel, {(judge, group): 10 for judge in judges})
    late = ProjectGroupFactory(programme=programme, name="늦게 합류한 컨소시엄")

    with pytest.raises(ValidationError) as refused:
        service.close_panel(actor=staff_user, panel=panel)

    assert refused.value.messages == ["The panel cannot close: no judge is assigned to 늦게 합류한 컨소시엄."]
    panel.refresh_from_db()
    assert (panel.is_closed, late.pk) == (False, late.pk)


def test_record_absence_refuses_a_group_the_panel_does_not_judge(programme, staff_user):
    panel = screening_panel(programme)
    draft = ProjectGroupFactory(programme=programme, submitted=False)
    judge = evaluator_on(programme)

    with pytest.raises(ValidationError):
        service.record_absence(actor=staff_user, panel=panel, judge=judge, group=draft, reason="absent")

    assert Absence.objects.count() == 0
