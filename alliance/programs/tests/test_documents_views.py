"""Document downloads: staff get every document; a judge gets only their own score sheet."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from alliance.programs.services import assignment as assignment_service
from alliance.programs.tests.factories import ProgrammeFactory, ProjectGroupFactory
from alliance.programs.tests.factories_documents import judged_final
from alliance.programs.tests.factories_judging import evaluator_on, final_panel, ready_judge


@pytest.fixture
def programme(db):
    return ProgrammeFactory()


@pytest.fixture
def judged(programme, staff_user):
    group = ProjectGroupFactory(programme=programme, name="메타랩 컨소시엄")
    panel, judges = judged_final(programme, staff_user, {group: (18, 17, 16, 15, 10)})
    return panel, judges


def sheet_rows(response) -> list[tuple]:
    workbook = load_workbook(io.BytesIO(response.content))
    return list(workbook.worksheets[0].iter_rows(values_only=True))


def test_staff_get_the_result_sheet_inline_with_a_korean_file_name(client, staff_user, judged):
    panel, _judges = judged
    client.force_login(staff_user)

    response = client.get(reverse("programs:result_sheet_pdf", args=[panel.pk]))

    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")
    assert response["Content-Disposition"].startswith(
        f'inline; filename="{panel.programme.year}-result-sheet-final.pdf"'
    )
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF-")


def test_staff_download_a_judges_score_sheet(client, staff_user, judged):
    panel, judges = judged
    client.force_login(staff_user)

    response = client.get(reverse("programs:judge_scores_xlsx", args=[panel.pk, judges[4].pk]))

    assert response["Content-Disposition"].startswith("attachment;")
    assert sheet_rows(response)[0][2] == "심사위원 마"
    assert sheet_rows(response)[3] == ("메타랩 컨소시엄", 10, 10, 10, 10, 10, 50, None)


def test_judge_downloads_only_their_own_score_sheet(client, judged):
    panel, judges = judged
    client.force_login(judges[1])

    response = client.get(reverse("programs:my_scores_xlsx", args=[panel.pk]))

    assert response.status_code == 200
    assert sheet_rows(response)[0][2] == "심사위원 나"
    assert sheet_rows(response)[3] == ("메타랩 컨소시엄", 17, 17, 17, 17, 17, 85, None)


def test_judge_of_another_programme_is_told_nothing_exists(client, judged):
    panel, _judges = judged
    outsider = evaluator_on(ProgrammeFactory())
    client.force_login(outsider)

    response = client.get(reverse("programs:my_scores_xlsx", args=[panel.pk]))

    assert response.status_code == 404


def test_judge_cannot_use_the_staff_score_sheet_url(client, judged):
    panel, judges = judged
    client.force_login(judges[1])

    response = client.get(reverse("programs:judge_scores_xlsx", args=[panel.pk, judges[0].pk]))

    assert response.status_code == 404


def test_documents_page_lists_each_judges_sheet_in_constant_queries(client, staff_user, programme):
    panel = final_panel(programme)
    client.force_login(staff_user)
    url = reverse("programs:programme_documents", args=[programme.pk])
    group = ProjectGroupFactory(programme=programme)
    judges = [ready_judge(panel, user=evaluator_on(programme, name=f"심사위원 {n}")) for n in range(3)]
    assignment_service.assign_evaluator(actor=staff_user, panel=panel, user=judges[0], group=group)
    with CaptureQueriesContext(connection) as one:
        first = client.get(url)
    for judge in judges[1:]:
        assignment_service.assign_evaluator(actor=staff_user, panel=panel, user=judge, group=group)
    with CaptureQueriesContext(connection) as three:
        second = client.get(url)

    assert len(one) == len(three)
    assert (first.content.decode().count("/scores.xlsx"), second.content.decode().count("/scores.xlsx")) == (1, 3)


def test_staff_score_sheet_of_someone_not_judging_the_panel_is_not_found(client, staff_user, judged, programme):
    panel, _judges = judged
    bystander = evaluator_on(programme, name="배정 안 된 심사위원")
    client.force_login(staff_user)

    response = client.get(reverse("programs:judge_scores_xlsx", args=[panel.pk, bystander.pk]))

    assert response.status_code == 404
