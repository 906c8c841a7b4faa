"""Staff judging pages: evaluators and panels, automatic assignment, close refused, tie decision, overrides,
speaking order and timer, objections answered; the group's own objection form."""

import pytest
from django.urls import reverse

from alliance.core.delivery.progress import delivery_progress
from alliance.core.models import AuditEntry, Delivery
from alliance.core.roles import Role
from alliance.core.tests.confirming import post_confirmed
from alliance.core.tests.factories import UserFactory
from alliance.programs.models import Assignment, Objection, Panel, ProgrammeEvaluator, SpeakingOrderDraw, Winner
from alliance.programs.services import assignment as assignment_service
from alliance.programs.services import objections as objection_service
from alliance.programs.services import panels as panel_service
from alliance.programs.services import results as results_service
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
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


def closed_with_scores(programme, staff_user, points: dict) -> Panel:
    panel = final_panel(programme)
    judges = [ready_judge(panel) for _ in range(3)]
    assignment_service.seat_final_panel(actor=staff_user, panel=panel)
    fill_scores(panel, {(judge, group): value for group, value in points.items() for judge in judges})
    panel_service.close_panel(actor=staff_user, panel=panel)
    return Panel.objects.get(pk=panel.pk)


def test_staff_adds_an_evaluator_and_opens_a_panel(staff_client, programme):
    user = UserFactory(role=Role.EVALUATOR, name="윤평가")
    url = reverse("programs:judging_programme", args=[programme.pk])

    staff_client.post(url, {"action": "evaluator", "user": user.pk, "screens": "on", "judges_final": "on"})
    response = staff_client.post(url, {"action": "panel", "kind": "screening", "evaluators_per_group": 2})

    panel = Panel.objects.get(programme=programme)
    assert response["Location"] == reverse("programs:panel_detail", args=[panel.pk])
    assert (panel.kind, panel.evaluators_per_group) == ("screening", 2)
    assert list(ProgrammeEvaluator.objects.values_list("user__name", "screens", "judges_final")) == [
        ("윤평가", True, True)
    ]


def test_final_panel_opened_without_a_number_takes_the_programmes_five_judges(staff_client, programme):
    url = reverse("programs:judging_programme", args=[programme.pk])

    staff_client.post(url, {"action": "panel", "kind": "final", "evaluators_per_group": ""})
    staff_client.post(url, {"action": "panel", "kind": "screening", "evaluators_per_group": ""})

    assert dict(Panel.objects.values_list("kind", "evaluators_per_group")) == {"final": 5, "screening": 3}


def test_final_panel_page_warns_when_its_judges_differ_from_the_programme(staff_client, programme):
    panel = final_panel(programme)
    for _ in range(3):
        evaluator_on(programme)
    url = reverse("programs:panel_detail", args=[panel.pk])

    three = staff_client.get(url).content.decode()
    evaluator_on(programme)
    evaluator_on(programme)
    five = staff_client.get(url).content.decode()

    assert "The final panel has 3 judges; the programme states 5." in three
    assert 'id="judge-count"' not in five


def test_staff_assigns_automatically_from_the_panel_page(staff_client, programme):
    for _ in range(3):
        ProjectGroupFactory(programme=programme)
    for _ in range(3):
        evaluator_on(programme)
    panel = screening_panel(programme)

    post_confirmed(staff_client, reverse("programs:panel_detail", args=[panel.pk]), {"action": "auto"})

    assert Assignment.objects.filter(panel=panel).count() == 9


def test_staff_close_with_a_missing_score_shows_the_refusal(staff_client, programme, staff_user):
    group = ProjectGroupFactory(programme=programme)
    panel = final_panel(programme)
    ready_judge(panel)
    assignment_service.seat_final_panel(actor=staff_user, panel=panel)

    response = staff_client.post(reverse("programs:panel_detail", args=[panel.pk]), {"action": "close"}, follow=True)

    assert f"{group.name} (5 missing)" in response.content.decode()
    assert 'name="confirmed"' not in response.content.decode()
    assert Panel.objects.get(pk=panel.pk).closed_at is None


def test_staff_manual_assignment_of_a_conflict_is_refused(staff_client, programme):
    group = ProjectGroupFactory(programme=programme)
    judge = evaluator_on(programme, organisation=group.lead)
    panel = screening_panel(programme)

    response = staff_client.post(
        reverse("programs:panel_detail", args=[panel.pk]),
        {"action": "assign", "assign-evaluator": judge.pk, "assign-group": group.pk},
        follow=True,
    )

    assert "conflict of interest" in response.content.decode()
    assert Assignment.objects.count() == 0


def test_manual_assignment_form_offers_only_the_panels_groups(staff_client, programme):
    submitted = ProjectGroupFactory(programme=programme, name="제출한 컨소시엄")
    ProjectGroupFactory(programme=programme, name="초안 컨소시엄", submitted=False)
    evaluator_on(programme)
    panel = screening_panel(programme)

    response = staff_client.get(reverse("programs:panel_detail", args=[panel.pk]))

    form = response.context["assign_form"]
    assert [group.name for group in form.fields["group"].queryset] == [submitted.name]
    assert [group.name for group in response.context["absence_form"].fields["group"].queryset] == [submitted.name]


def test_panel_page_names_the_groups_without_a_judge(staff_client, programme):
    ProjectGroupFactory(programme=programme, name="심사위원 없는 컨소시엄")
    panel = final_panel(programme)

    response = staff_client.get(reverse("programs:panel_detail", args=[panel.pk]))

    assert response.context["unjudged"] == ["심사위원 없는 컨소시엄"]


def test_staff_decides_a_tie_from_the_result_sheet(staff_client, programme, staff_user):
    first, second = ProjectGroupFactory(programme=programme), ProjectGroupFactory(programme=programme)
    panel = closed_with_scores(programme, staff_user, {first: 10, second: 10})

    staff_client.post(
        reverse("programs:panel_results", args=[panel.pk]),
        {
            "action": "tie",
            "track": first.track_id,
            "order": f"{second.name}\n{first.name}",
            "reason": "발표 평가 재검토",
        },
    )

    ranks = [(row["group"], row["rank"]) for row in results_service.results_as_json(panel)["tracks"]["SW"]]
    assert ranks == [(second.name, 1), (first.name, 2)]


def test_staff_places_winners_and_overrides_with_a_reason(staff_client, programme, staff_user):
    first, second = ProjectGroupFactory(programme=programme), ProjectGroupFactory(programme=programme)
    panel = closed_with_scores(programme, staff_user, {first: 18, second: 12})
    url = reverse("programs:panel_results", args=[panel.pk])
    post_confirmed(staff_client, url, {"action": "winners"})
    top = Winner.objects.get(place=1)

    staff_client.post(url, {"action": "override", "winner": top.pk, "group": second.pk, "reason": "수상 자격 미달"})

    top.refresh_from_db()
    assert (top.group, top.is_override, top.reason) == (second, True, "수상 자격 미달")


def test_result_sheet_hides_place_the_winners_once_released(staff_client, programme, staff_user):
    group = ProjectGroupFactory(programme=programme)
    panel = closed_with_scores(programme, staff_user, {group: 15})
    url = reverse("programs:panel_results", args=[panel.pk])
    before = staff_client.get(url).content.decode()
    results_service.release_results(actor=staff_user, panel=panel, notify=False)

    after = staff_client.get(url).content.decode()

    assert ('id="place-winners"' in before, 'id="place-winners"' in after) == (True, False)


def test_staff_draws_the_order_and_the_timer_lists_it(staff_client, programme):
    groups = [ProjectGroupFactory(programme=programme) for _ in range(3)]
    panel = final_panel(programme)

    staff_client.post(reverse("programs:panel_order", args=[panel.pk]))
    timer = staff_client.get(reverse("programs:panel_timer", args=[panel.pk])).content.decode()

    draw = SpeakingOrderDraw.objects.get()
    names = {group.pk: group.name for group in groups}
    listed = "".join(f"<li>{names[group_id]}</li>" for group_id in draw.order)
    assert listed in timer
    assert "js/programs-timer" in timer
    assert "<script>" not in timer


def test_representative_lodges_an_objection_and_staff_answer(client, programme, staff_user):
    group = ProjectGroupFactory(programme=programme)
    panel = closed_with_scores(programme, staff_user, {group: 15})
    results_service.release_results(actor=staff_user, panel=panel)
    rep = UserFactory(role=Role.MEMBER_REP, organisation=group.lead)
    client.force_login(rep)

    client.post(reverse("programs:group_result", args=[group.pk]), {"panel": panel.pk, "text": "기술 점수 재검토 요청"})
    objection = Objection.objects.get()
    client.force_login(staff_user)
    client.post(
        reverse("programs:panel_objections", args=[panel.pk]), {"objection": objection.pk, "answer": "재검토 결과 유지"}
    )

    objection.refresh_from_db()
    assert (objection.group, objection.text, objection.answer) == (group, "기술 점수 재검토 요청", "재검토 결과 유지")
    assert AuditEntry.objects.filter(action__startswith="programs.objection").count() == 2


def test_objection_of_another_group_is_refused_by_the_page(client, programme, staff_user):
    group = ProjectGroupFactory(programme=programme)
    panel = closed_with_scores(programme, staff_user, {group: 15})
    results_service.release_results(actor=staff_user, panel=panel)
    outsider = UserFactory(role=Role.MEMBER_REP, organisation=ProjectGroupFactory(programme=programme).lead)
    client.force_login(outsider)

    response = client.post(reverse("programs:group_result", args=[group.pk]), {"panel": panel.pk, "text": "이의"})

    assert response.status_code == 404
    assert objection_service.Objection.objects.count() == 0


def test_staff_e_mail_evaluators_their_assignments(
    staff_client, programme, smtp_server, django_capture_on_commit_callbacks
):
    groups = [ProjectGroupFactory(programme=programme) for _ in range(2)]
    first, second = evaluator_on(programme), evaluator_on(programme)
    panel = screening_panel(programme)
    for group in groups:
        assignment_service.assign_evaluator(actor=None, panel=panel, user=first, group=group)
    assignment_service.assign_evaluator(actor=None, panel=panel, user=second, group=groups[0])

    first_post = staff_client.post(reverse("programs:panel_detail", args=[panel.pk]), {"action": "notify"})
    assert smtp_server.messages == []
    assert "2 recipients" in first_post.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        post_confirmed(staff_client, reverse("programs:panel_detail", args=[panel.pk]), {"action": "notify"})

    bodies = {
        message.envelope_recipients[0]: message.get_body(("plain",)).get_content() for message in smtp_server.messages
    }
    assert sorted(bodies) == sorted([first.email, second.email])
    assert "/programs/judging/" in bodies[first.email]
    assert f"{first.name}" in bodies[first.email]
    assert AuditEntry.objects.filter(action="programs.panel.evaluators_notified").get().after == {"evaluators": 2}


def test_evaluator_notice_test_send_reaches_only_staff(staff_client, staff_user, programme, smtp_server):
    evaluator = evaluator_on(programme)
    panel = screening_panel(programme)
    assignment_service.assign_evaluator(
        actor=None, panel=panel, user=evaluator, group=ProjectGroupFactory(programme=programme)
    )

    staff_client.post(reverse("programs:panel_detail", args=[panel.pk]), {"action": "notify", "send_test": "1"})

    assert [message.envelope_recipients for message in smtp_server.messages] == [[staff_user.email]]
    assert smtp_server.messages[0]["Subject"].strip().startswith("[테스트] ")
    assert AuditEntry.objects.filter(action="programs.panel.evaluators_notified").count() == 0


def test_evaluators_notified_while_the_mail_server_is_down_get_their_e_mail_once_it_is_back(
    staff_client, programme, smtp_server, django_capture_on_commit_callbacks
):
    group = ProjectGroupFactory(programme=programme)
    first, second = evaluator_on(programme), evaluator_on(programme)
    panel = screening_panel(programme)
    for evaluator in (first, second):
        assignment_service.assign_evaluator(actor=None, panel=panel, user=evaluator, group=group)
    smtp_server.stop()
    url = reverse("programs:panel_detail", args=[panel.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = post_confirmed(staff_client, url, {"action": "notify"}, follow=True)
    page = response.content.decode()
    delivery = Delivery.objects.get(kind=panel_service.EVALUATORS_MAILING)
    deferred = delivery.recipients.filter(state="deferred").count()
    smtp_server.start()
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(reverse("core:delivery_resume", args=[delivery.pk]))
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(reverse("core:delivery_resume", args=[delivery.pk]))

    # This module's pages are in English; the run starts after the commit, so the page still reads queued.
    assert response.status_code == 200
    assert (
        "2 evaluators are being e-mailed." in page,
        "E-mailed to 0 of 2." in page,
        "Queued: the sending has not started yet." in page,
    ) == (True, True, True)
    assert deferred == 2
    assert sorted(message.envelope_recipients[0] for message in smtp_server.messages) == sorted(
        [first.email, second.email]
    )
    assert delivery_progress(delivery).status == "done"


def test_an_answer_saved_meanwhile_refuses_the_later_answer(programme, staff_user):
    from django.test import Client

    from alliance.core.tests.editing import posted

    group = ProjectGroupFactory(programme=programme)
    panel = closed_with_scores(programme, staff_user, {group: 15})
    results_service.release_results(actor=staff_user, panel=panel)
    rep = UserFactory(role=Role.MEMBER_REP, organisation=group.lead)
    objection = objection_service.lodge_objection(user=rep, panel=panel, group=group, text="기술 점수 재검토 요청")
    url = reverse("programs:panel_objections", args=[panel.pk])
    first, second = Client(), Client()
    first.force_login(staff_user)
    second.force_login(staff_user)
    first_form = posted(first.get(url).context["objections"][0][1])
    second_form = posted(second.get(url).context["objections"][0][1])

    assert first.post(url, first_form | {"answer": "재검토 결과 유지"}).status_code == 302
    response = second.post(url, second_form | {"answer": "점수를 정정합니다"})

    assert response.status_code == 200
    stale = response.context["objections"][0][1]
    assert stale.stale_changes == [{"label": "답변", "theirs": "재검토 결과 유지", "yours": "점수를 정정합니다"}]
    objection.refresh_from_db()
    assert objection.answer == "재검토 결과 유지"

    assert second.post(url, posted(stale)).status_code == 302
    objection.refresh_from_db()
    assert objection.answer == "점수를 정정합니다"
