"""Results of a panel: tie decisions, screening selection, winners with overrides, release, objections."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from alliance.core.models import AuditEntry
from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.programs.models import Objection, Panel, ScreeningOutcome, Winner
from alliance.programs.services import assignment as assignment_service
from alliance.programs.services import objections as objection_service
from alliance.programs.services import panels as panel_service
from alliance.programs.services import results as service
from alliance.programs.services.programme import update_programme_rules
from alliance.programs.tests.factories import ProgrammeFactory, ProjectGroupFactory
from alliance.programs.tests.factories_judging import (
    english,  # noqa: F401  autouse: messages in English
    fill_scores,
    final_panel,
    ready_judge,
    screening_panel,
)


@pytest.fixture
def programme(db):
    return ProgrammeFactory()


def closed_final(programme, staff_user, totals_per_group: dict):
    """A closed final panel of three judges; `totals_per_group`: group → per-criterion points of each judge."""
    panel = final_panel(programme)
    judges = [ready_judge(panel) for _ in range(3)]
    assignment_service.seat_final_panel(actor=staff_user, panel=panel)
    fill_scores(
        panel,
        {
            (judge, group): points
            for group, all_points in totals_per_group.items()
            for judge, points in zip(judges, all_points, strict=True)
        },
    )
    panel_service.close_panel(actor=staff_user, panel=panel)
    panel.refresh_from_db()
    return panel


def test_results_as_json_ranks_by_trimmed_mean(programme, staff_user):
    first, second = ProjectGroupFactory(programme=programme), ProjectGroupFactory(programme=programme)
    panel = closed_final(programme, staff_user, {first: (10, 12, 20), second: (8, 9, 20)})

    assert service.results_as_json(panel) == {
        "rule": "trimmed_mean",
        "tracks": {
            # Three totals: the programme's absence policy takes the plain mean (50, 60, 100 and 40, 45, 100).
            "SW": [{"group": first.name, "score": 70.0, "rank": 1}, {"group": second.name, "score": 61.67, "rank": 2}],
            "HW": [],
        },
    }


def test_release_refused_while_a_tie_awaits_a_decision(programme, staff_user):
    first, second = ProjectGroupFactory(programme=programme), ProjectGroupFactory(programme=programme)
    panel = closed_final(programme, staff_user, {first: (10, 10, 10), second: (10, 10, 10)})

    with pytest.raises(ValidationError) as refused:
        service.release_results(actor=staff_user, panel=panel)

    assert refused.value.messages == ["SW부문: a tie awaits a staff decision"]
    panel.refresh_from_db()
    assert panel.released_at is None


def test_tie_decision_orders_the_tie_and_is_logged(programme, staff_user):
    first, second = ProjectGroupFactory(programme=programme), ProjectGroupFactory(programme=programme)
    panel = closed_final(programme, staff_user, {first: (10, 10, 10), second: (10, 10, 10)})
    track = first.track

    service.record_tie_decision(
        actor=staff_user, panel=panel, track=track, order=[second.name, first.name], reason="심사위원장 재청취 결과"
    )

    rows = service.results_as_json(panel)["tracks"]["SW"]
    assert [(row["group"], row["rank"]) for row in rows] == [(second.name, 1), (first.name, 2)]
    assert AuditEntry.objects.filter(action="programs.results.tie_decided").count() == 1


def test_tie_decision_changes_the_sheets_fingerprint(programme, staff_user):
    first, second = ProjectGroupFactory(programme=programme), ProjectGroupFactory(programme=programme)
    panel = closed_final(programme, staff_user, {first: (10, 10, 10), second: (10, 10, 10)})
    before = service.panel_results(panel)[0].result.fingerprint

    service.record_tie_decision(
        actor=staff_user, panel=panel, track=first.track, order=[second.name, first.name], reason="재청취"
    )

    after = service.panel_results(panel)[0].result.fingerprint
    logged = AuditEntry.objects.get(action="programs.results.tie_decided").after["fingerprint"]
    assert (after != before, logged) == (True, before)


def test_tie_decision_refuses_groups_that_are_not_tied(programme, staff_user):
    first, second = ProjectGroupFactory(programme=programme), ProjectGroupFactory(programme=programme)
    panel = closed_final(programme, staff_user, {first: (10, 12, 20), second: (8, 9, 20)})

    with pytest.raises(ValidationError):
        service.record_tie_decision(
            actor=staff_user, panel=panel, track=first.track, order=[second.name, first.name], reason="x"
        )


def test_screening_top_n_selects_per_track(programme, staff_user):
    update_programme_rules(
        actor=staff_user, programme=programme, data={"screening_mode": "top_n", "screening_value": 1}
    )
    sw_top, sw_other = ProjectGroupFactory(programme=programme), ProjectGroupFactory(programme=programme)
    hw_only = ProjectGroupFactory(programme=programme, track_code="HW")
    panel = screening_panel(programme)
    judges = [ready_judge(panel) for _ in range(3)]
    for group in (sw_top, sw_other, hw_only):
        for judge in judges:
            assignment_service.assign_evaluator(actor=staff_user, panel=panel, user=judge, group=group)
    fill_scores(
        panel,
        {(judge, sw_top): 15 for judge in judges}
        | {(judge, sw_other): 12 for judge in judges}
        | {(judge, hw_only): 5 for judge in judges},
    )
    panel_service.close_panel(actor=staff_user, panel=panel)

    advancing = service.decide_screening(actor=staff_user, panel=panel)

    assert advancing == 2
    assert sorted(ScreeningOutcome.objects.filter(advances=True).values_list("group__name", flat=True)) == sorted(
        [sw_top.name, hw_only.name]
    )
    final = final_panel(programme)
    assert sorted(assignment_service.panel_groups(final).values_list("name", flat=True)) == sorted(
        [sw_top.name, hw_only.name]
    )


def test_screening_cutoff_selects_by_score(programme, staff_user):
    update_programme_rules(
        actor=staff_user, programme=programme, data={"screening_mode": "cutoff", "screening_value": 70}
    )
    above, below = ProjectGroupFactory(programme=programme), ProjectGroupFactory(programme=programme)
    panel = screening_panel(programme)
    judges = [ready_judge(panel) for _ in range(3)]
    for group in (above, below):
        for judge in judges:
            assignment_service.assign_evaluator(actor=staff_user, panel=panel, user=judge, group=group)
    fill_scores(panel, {(judge, above): 14 for judge in judges} | {(judge, below): 13 for judge in judges})
    panel_service.close_panel(actor=staff_user, panel=panel)

    service.decide_screening(actor=staff_user, panel=panel)

    assert list(ScreeningOutcome.objects.order_by("rank").values_list("group__name", "advances")) == [
        (above.name, True),
        (below.name, False),
    ]


def test_winners_follow_the_ranking_and_an_override_needs_a_reason(programme, staff_user):
    groups = [ProjectGroupFactory(programme=programme) for _ in range(6)]
    panel = closed_final(programme, staff_user, {group: (20 - i, 20 - i, 20 - i) for i, group in enumerate(groups)})

    count = service.choose_winners(actor=staff_user, panel=panel)

    assert count == 5
    assert list(Winner.objects.filter(track__code="SW").values_list("place", "group__name", "award_name")) == [
        (1, groups[0].name, "대상"),
        (2, groups[1].name, "최우수상"),
        (3, groups[2].name, "우수상"),
        (4, groups[3].name, "장려상"),
        (5, groups[4].name, "장려상"),
    ]
    fifth = Winner.objects.get(place=5, track__code="SW")
    with pytest.raises(ValidationError):
        service.override_winner(actor=staff_user, winner=fifth, group=groups[5], reason=" ")
    service.override_winner(actor=staff_user, winner=fifth, group=groups[5], reason="발표 자료 표절 확인")
    fifth.refresh_from_db()
    assert (fifth.group, fifth.is_override, fifth.reason) == (groups[5], True, "발표 자료 표절 확인")
    assert AuditEntry.objects.filter(action="programs.winners.overridden").count() == 1


def test_release_e_mails_each_group_its_own_result(
    programme, staff_user, smtp_server, django_capture_on_commit_callbacks
):
    first, second = ProjectGroupFactory(programme=programme), ProjectGroupFactory(programme=programme)
    UserFactory(role=Role.MEMBER_REP, organisation=first.lead, email="lead-first@example.kr")
    UserFactory(role=Role.MEMBER_REP, organisation=second.lead, email="lead-second@example.kr")
    panel = closed_final(programme, staff_user, {first: (10, 12, 20), second: (8, 9, 20)})

    with django_capture_on_commit_callbacks(execute=True):
        service.release_results(actor=staff_user, panel=panel)

    panel.refresh_from_db()
    assert panel.released_at is not None
    sent = {
        message.envelope_recipients[0]: message.get_body(("plain",)).get_content() for message in smtp_server.messages
    }
    assert sorted(sent) == ["lead-first@example.kr", "lead-second@example.kr"]
    # The e-mail is always in Korean; each group's own score (mean of 50, 60, 100 and of 40, 45, 100) is in it.
    assert "70.00" in sent["lead-first@example.kr"]
    assert "61.67" in sent["lead-second@example.kr"]
    assert "61.67" not in sent["lead-first@example.kr"]


def test_objection_within_the_period_then_answered(programme, staff_user):
    group = ProjectGroupFactory(programme=programme)
    rep = UserFactory(role=Role.MEMBER_REP, organisation=group.lead)
    panel = closed_final(programme, staff_user, {group: (10, 12, 20)})
    service.release_results(actor=staff_user, panel=panel)

    objection = objection_service.lodge_objection(user=rep, panel=panel, group=group, text="점수 합산 확인 요청")
    objection_service.answer_objection(actor=staff_user, objection=objection, answer="재확인 결과 이상 없음")

    objection.refresh_from_db()
    assert (objection.text, objection.answer, objection.answered_by) == (
        "점수 합산 확인 요청",
        "재확인 결과 이상 없음",
        staff_user,
    )


def test_objection_after_the_period_is_refused(programme, staff_user):
    group = ProjectGroupFactory(programme=programme)
    rep = UserFactory(role=Role.MEMBER_REP, organisation=group.lead)
    panel = closed_final(programme, staff_user, {group: (10, 12, 20)})
    panel = service.release_results(actor=staff_user, panel=panel)
    late = panel.released_at + datetime.timedelta(days=programme.objection_days, seconds=1)

    with pytest.raises(ValidationError) as refused:
        objection_service.lodge_objection(user=rep, panel=panel, group=group, text="늦은 이의", now=late)

    assert refused.value.messages == ["The objection period has ended."]
    assert Objection.objects.count() == 0


def test_objection_from_another_company_is_refused(programme, staff_user):
    group = ProjectGroupFactory(programme=programme)
    panel = closed_final(programme, staff_user, {group: (10, 12, 20)})
    outsider = UserFactory(role=Role.MEMBER_REP, organisation=ProjectGroupFactory(programme=programme).lead)
    Panel.objects.filter(pk=panel.pk).update(released_at=panel.closed_at)
    panel.refresh_from_db()

    with pytest.raises(ValidationError):
        objection_service.lodge_objection(user=outsider, panel=panel, group=group, text="이의")

    assert Objection.objects.count() == 0


def test_override_with_a_placed_group_swaps_the_two_places(programme, staff_user):
    groups = [ProjectGroupFactory(programme=programme) for _ in range(3)]
    panel = closed_final(programme, staff_user, {group: (20 - i, 20 - i, 20 - i) for i, group in enumerate(groups)})
    service.choose_winners(actor=staff_user, panel=panel)
    first = Winner.objects.get(place=1, track__code="SW")

    service.override_winner(actor=staff_user, winner=first, group=groups[2], reason="심사위원회 재의결")

    assert list(
        Winner.objects.filter(track__code="SW").order_by("place").values_list("place", "group__name", "is_override")
    ) == [
        (1, groups[2].name, True),
        (2, groups[1].name, False),
        (3, groups[0].name, True),
    ]


def test_placing_the_winners_again_keeps_the_logged_overrides(programme, staff_user):
    groups = [ProjectGroupFactory(programme=programme) for _ in range(7)]
    panel = closed_final(programme, staff_user, {group: (20 - i, 20 - i, 20 - i) for i, group in enumerate(groups)})
    service.choose_winners(actor=staff_user, panel=panel)
    second = Winner.objects.get(place=2, track__code="SW")
    service.override_winner(actor=staff_user, winner=second, group=groups[6], reason="심사위원회 재의결")

    count = service.choose_winners(actor=staff_user, panel=panel)

    assert count == 5
    assert list(
        Winner.objects.filter(track__code="SW").order_by("place").values_list("place", "group__name", "is_override")
    ) == [
        (1, groups[0].name, False),
        (2, groups[6].name, True),
        (3, groups[2].name, False),
        (4, groups[3].name, False),
        (5, groups[4].name, False),
    ]


def test_placing_the_winners_after_release_is_refused(programme, staff_user):
    group = ProjectGroupFactory(programme=programme)
    panel = closed_final(programme, staff_user, {group: (10, 12, 20)})
    service.choose_winners(actor=staff_user, panel=panel)
    service.release_results(actor=staff_user, panel=panel, notify=False)
    Winner.objects.update(award_name="수정 전 상")

    with pytest.raises(ValidationError) as refused:
        service.choose_winners(actor=staff_user, panel=panel)

    assert refused.value.messages == ["Results are released; winners can no longer change."]
    assert list(Winner.objects.values_list("award_name", flat=True)) == ["수정 전 상"]


def closed_screening(programme, staff_user):
    groups = [ProjectGroupFactory(programme=programme) for _ in range(2)]
    panel = screening_panel(programme)
    judges = [ready_judge(panel) for _ in range(3)]
    for group in groups:
        for judge in judges:
            assignment_service.assign_evaluator(actor=staff_user, panel=panel, user=judge, group=group)
    fill_scores(panel, {(judge, group): 15 - n for n, group in enumerate(groups) for judge in judges})
    panel_service.close_panel(actor=staff_user, panel=panel)
    return Panel.objects.get(pk=panel.pk), groups, judges


def test_decide_screening_refused_once_the_final_panel_has_scores(programme, staff_user):
    screening, groups, judges = closed_screening(programme, staff_user)
    service.decide_screening(actor=staff_user, panel=screening)
    final = final_panel(programme)
    assignment_service.seat_final_panel(actor=staff_user, panel=final)
    fill_scores(final, {(judges[0], groups[0]): 10})
    update_programme_rules(actor=staff_user, programme=programme, data={"screening_value": 1})

    with pytest.raises(ValidationError) as refused:
        service.decide_screening(actor=staff_user, panel=screening)

    assert refused.value.messages == [
        "The final panel has scores; the groups that went on from the screening can no longer change."
    ]
    assert ScreeningOutcome.objects.filter(advances=True).count() == 2


def test_screening_release_needs_the_groups_that_go_on_then_freezes_them(programme, staff_user):
    screening, _groups, _judges = closed_screening(programme, staff_user)

    with pytest.raises(ValidationError) as refused:
        service.release_results(actor=staff_user, panel=screening, notify=False)
    service.decide_screening(actor=staff_user, panel=screening)
    service.release_results(actor=staff_user, panel=screening, notify=False)
    with pytest.raises(ValidationError) as refused_after:
        service.decide_screening(actor=staff_user, panel=screening)

    assert refused.value.messages == ["Select the groups that go on before releasing the screening results."]
    assert refused_after.value.messages == [
        "The screening results are released; the groups that go on can no longer change."
    ]


def test_a_group_screened_out_cannot_object_to_the_final_results(programme, staff_user):
    screening, groups, judges = closed_screening(programme, staff_user)
    update_programme_rules(actor=staff_user, programme=programme, data={"screening_value": 1})
    service.decide_screening(actor=staff_user, panel=screening)
    final = final_panel(programme)
    assignment_service.seat_final_panel(actor=staff_user, panel=final)
    fill_scores(final, {(judge, groups[0]): 15 for judge in judges})
    panel_service.close_panel(actor=staff_user, panel=final)
    service.release_results(actor=staff_user, panel=final, notify=False)
    rep = UserFactory(role=Role.MEMBER_REP, organisation=groups[1].lead)

    with pytest.raises(ValidationError) as refused:
        objection_service.lodge_objection(user=rep, panel=final, group=groups[1], text="최종 결과 이의")

    assert refused.value.messages == [
        f"{groups[1].name} did not go on from the document screening, so the final panel does not judge it."
    ]
