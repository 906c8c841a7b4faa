"""Judging pages: the pledge gate, own assignments only, htmx scoring, secrecy before close and release,
the staff progress page (constant queries), the result sheet and the public results page."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.members.tests.factories import OrganisationFactory
from alliance.programs.models import Attachment, Criterion, Pledge, Score
from alliance.programs.services import assignment as assignment_service
from alliance.programs.services import panels as panel_service
from alliance.programs.services import results as results_service
from alliance.programs.tests.factories import ProgrammeFactory, ProjectGroupFactory
from alliance.programs.tests.factories_judging import (
    english,  # noqa: F401  autouse: messages in English
    evaluator_on,
    fill_scores,
    final_panel,
    ready_judge,
)


@pytest.fixture
def programme(db):
    return ProgrammeFactory()


@pytest.fixture
def panel(programme):
    return final_panel(programme)


def test_assignment_page_redirects_to_the_pledge_before_signing(client, programme, panel, staff_user):
    group = ProjectGroupFactory(programme=programme)
    judge = evaluator_on(programme)
    assignment = assignment_service.assign_evaluator(actor=staff_user, panel=panel, user=judge, group=group)
    client.force_login(judge)

    response = client.get(reverse("programs:judging_assignment", args=[assignment.pk]))

    assert response.status_code == 302
    assert response["Location"] == reverse("programs:judging_pledge", args=[panel.pk])


def test_pledge_form_declares_ties_and_signs(client, programme, panel):
    tied = OrganisationFactory(name="주식회사 관계사")
    ProjectGroupFactory(programme=programme, partners=[tied])
    judge = evaluator_on(programme, name="한심사")
    client.force_login(judge)

    response = client.post(
        reverse("programs:judging_pledge", args=[panel.pk]),
        {"ties": [tied.pk], "note": "전 직장", "agree": "on", "signed_name": "한심사"},
    )

    assert response.status_code == 302
    assert Pledge.objects.filter(panel=panel, evaluator=judge).count() == 1
    assert assignment_service.conflicted_organisation_ids(assignment_service.membership_of(judge, programme)) == {
        tied.pk
    }


def test_pledge_form_refuses_a_wrong_signature(client, programme, panel):
    judge = evaluator_on(programme, name="한심사")
    client.force_login(judge)

    response = client.post(
        reverse("programs:judging_pledge", args=[panel.pk]), {"agree": "on", "signed_name": "홍길동"}
    )

    assert response.status_code == 200
    assert Pledge.objects.count() == 0


def test_evaluator_cannot_open_another_evaluators_assignment(client, programme, panel, staff_user):
    group = ProjectGroupFactory(programme=programme)
    owner, other = ready_judge(panel), ready_judge(panel)
    assignment = assignment_service.assign_evaluator(actor=staff_user, panel=panel, user=owner, group=group)
    client.force_login(other)

    response = client.get(reverse("programs:judging_assignment", args=[assignment.pk]))

    assert response.status_code == 404


def test_htmx_score_save_answers_the_criterion_partial(client, programme, panel, staff_user):
    group = ProjectGroupFactory(programme=programme)
    judge = ready_judge(panel)
    assignment = assignment_service.assign_evaluator(actor=staff_user, panel=panel, user=judge, group=group)
    criterion = Criterion.objects.filter(track_id=group.track_id).first()
    client.force_login(judge)

    response = client.post(
        reverse("programs:judging_score", args=[assignment.pk]),
        {"criterion": criterion.pk, f"c{criterion.pk}-points": "18.5", f"c{criterion.pk}-comment": "독창적"},
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200
    assert f'id="criterion-{criterion.pk}"' in response.content.decode()
    assert list(Score.objects.values_list("points", "comment")) == [(pytest.approx(18.5), "독창적")]


def test_htmx_score_out_of_range_shows_the_error_and_saves_nothing(client, programme, panel, staff_user):
    group = ProjectGroupFactory(programme=programme)
    judge = ready_judge(panel)
    assignment = assignment_service.assign_evaluator(actor=staff_user, panel=panel, user=judge, group=group)
    criterion = Criterion.objects.filter(track_id=group.track_id).first()
    client.force_login(judge)

    response = client.post(
        reverse("programs:judging_score", args=[assignment.pk]),
        {"criterion": criterion.pk, f"c{criterion.pk}-points": "25"},
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert Score.objects.count() == 0


def test_judge_does_not_see_another_judges_scores(client, programme, panel, staff_user):
    group = ProjectGroupFactory(programme=programme)
    judge, other = ready_judge(panel), ready_judge(panel)
    assignment_service.seat_final_panel(actor=staff_user, panel=panel)
    criterion = Criterion.objects.filter(track_id=group.track_id).first()
    panel_service.save_score(
        judge=other, panel=panel, group=group, criterion=criterion, points=7, comment="타 심사위원 의견"
    )
    assignment = panel.assignments.get(evaluator=judge)
    client.force_login(judge)

    page = client.get(reverse("programs:judging_assignment", args=[assignment.pk])).content.decode()

    assert "타 심사위원 의견" not in page
    assert group.proposal.title in page


def test_applicant_sees_nothing_before_release(client, programme, panel, staff_user):
    group = ProjectGroupFactory(programme=programme)
    judges = [ready_judge(panel) for _ in range(3)]
    assignment_service.seat_final_panel(actor=staff_user, panel=panel)
    fill_scores(panel, {(judge, group): 15 for judge in judges})
    panel_service.close_panel(actor=staff_user, panel=panel)
    rep = UserFactory(role=Role.MEMBER_REP, organisation=group.lead)
    client.force_login(rep)

    own = client.get(reverse("programs:group_result", args=[group.pk])).content.decode()
    public = client.get(reverse("programs:public_results", args=[programme.year])).content.decode()

    assert "No result has been released yet." in own
    assert "The results have not been released yet." in public
    assert group.name not in public


def _released_group(programme, panel, staff_user):
    """A group scored 15 by three judges on the final panel, whose results are released."""
    group = ProjectGroupFactory(programme=programme)
    judges = [ready_judge(panel) for _ in range(3)]
    assignment_service.seat_final_panel(actor=staff_user, panel=panel)
    fill_scores(panel, {(judge, group): 15 for judge in judges})
    panel_service.close_panel(actor=staff_user, panel=panel)
    results_service.release_results(actor=staff_user, panel=panel)
    return group


def test_applicant_sees_own_result_after_release(client, programme, panel, staff_user):
    group = _released_group(programme, panel, staff_user)
    rep = UserFactory(role=Role.MEMBER_REP, organisation=group.lead)
    client.force_login(rep)

    own = client.get(reverse("programs:group_result", args=[group.pk])).content.decode()
    public = client.get(reverse("programs:public_results", args=[programme.year])).content.decode()

    assert "<strong>75.00</strong>" in own
    assert group.name in public


def progress_queries(client, panel) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("programs:panel_detail", args=[panel.pk]))
    assert response.status_code == 200
    return len(captured)


def test_progress_page_queries_do_not_grow_with_assignments(client, programme, panel, staff_user):
    judge = ready_judge(panel)
    first = ProjectGroupFactory(programme=programme)
    assignment_service.assign_evaluator(actor=staff_user, panel=panel, user=judge, group=first)
    client.force_login(staff_user)
    with_one = progress_queries(client, panel)
    for _ in range(2):
        group = ProjectGroupFactory(programme=programme)
        assignment_service.assign_evaluator(actor=staff_user, panel=panel, user=judge, group=group)

    with_three = progress_queries(client, panel)

    assert with_three == with_one


def test_result_sheet_shows_dropped_totals_and_fingerprint(client, programme, panel, staff_user):
    group = ProjectGroupFactory(programme=programme)
    judges = [ready_judge(panel) for _ in range(5)]
    assignment_service.seat_final_panel(actor=staff_user, panel=panel)
    fill_scores(panel, {(judge, group): points for judge, points in zip(judges, (10, 12, 14, 16, 18), strict=True)})
    panel_service.close_panel(actor=staff_user, panel=panel)
    fingerprint = results_service.panel_results(panel)[0].result.fingerprint
    client.force_login(staff_user)

    page = client.get(reverse("programs:panel_results", args=[panel.pk])).content.decode()

    assert fingerprint in page
    assert page.count('class="num dropped"') == 2
    assert '<td class="num">70.00</td>' in page


def attach(group, name: str = "제안서.pdf"):
    attachment = Attachment(proposal=group.proposal, original_name=name, size=9)
    attachment.file.save(name, ContentFile(b"%PDF-1.7\n"), save=False)
    attachment.save()
    return attachment


def test_evaluator_downloads_a_file_of_an_assigned_group_only_after_the_pledge(client, programme, panel, staff_user):
    group = ProjectGroupFactory(programme=programme)
    judge = evaluator_on(programme)
    assignment = assignment_service.assign_evaluator(actor=staff_user, panel=panel, user=judge, group=group)
    attachment = attach(group)
    url = reverse("programs:judging_attachment", args=[assignment.pk, attachment.pk])
    client.force_login(judge)
    before = client.get(url)
    ready_judge(panel, user=judge)

    after = client.get(url)

    assert before.status_code == 404
    assert after.status_code == 200
    assert b"".join(after.streaming_content) == b"%PDF-1.7\n"


def test_evaluator_cannot_download_another_groups_file(client, programme, panel, staff_user):
    group, other = ProjectGroupFactory(programme=programme), ProjectGroupFactory(programme=programme)
    judge = ready_judge(panel)
    assignment = assignment_service.assign_evaluator(actor=staff_user, panel=panel, user=judge, group=group)
    foreign = attach(other)
    client.force_login(judge)

    response = client.get(reverse("programs:judging_attachment", args=[assignment.pk, foreign.pk]))

    assert response.status_code == 404


def test_score_post_with_a_malformed_criterion_saves_nothing(client, programme, panel, staff_user):
    group = ProjectGroupFactory(programme=programme)
    judge = ready_judge(panel)
    assignment = assignment_service.assign_evaluator(actor=staff_user, panel=panel, user=judge, group=group)
    client.force_login(judge)

    response = client.post(reverse("programs:judging_score", args=[assignment.pk]), {"criterion": "1; DROP"})

    assert response.status_code == 302
    assert Score.objects.count() == 0


def test_evaluator_page_lists_final_groups_in_the_drawn_order(client, programme, panel, staff_user):
    groups = [ProjectGroupFactory(programme=programme, name=f"그룹 {letter}") for letter in "가나다라"]
    judge = ready_judge(panel)
    assignment_service.seat_final_panel(actor=staff_user, panel=panel)
    draw = panel_service.draw_speaking_order(actor=staff_user, panel=panel, seed="순서")
    names = {group.pk: group.name for group in groups}
    client.force_login(judge)

    page = client.get(reverse("programs:judging_home")).content.decode()

    listed = sorted(names.values(), key=page.index)
    assert listed == [names[group_id] for group_id in draw.order]


def test_latest_results_open_the_newest_released_programme(client, programme, panel, staff_user):
    _released_group(programme, panel, staff_user)
    ProgrammeFactory(year=programme.year + 1)

    response = client.get(reverse("programs:latest_results"))

    assert response.url == reverse("programs:public_results", args=[programme.year])


def test_latest_results_before_any_release_open_the_newest_programme(client, programme):
    newer = ProgrammeFactory(year=programme.year + 1)

    response = client.get(reverse("programs:latest_results"))

    assert response.url == reverse("programs:public_results", args=[newer.year])


@pytest.mark.django_db
def test_latest_results_without_a_programme_is_not_found(client):
    assert client.get(reverse("programs:latest_results")).status_code == 404
