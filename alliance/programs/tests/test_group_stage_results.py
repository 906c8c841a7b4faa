"""A group's own page shows each released stage's result and the objection link with its deadline: screened
out (미선정, not "제출 완료"), through screening, the final rank and award; nothing before a release."""

import datetime

import pytest
from django.urls import reverse

from alliance.programs.models import Panel, Winner
from alliance.programs.services import assignment as assignment_service
from alliance.programs.services import panels as panel_service
from alliance.programs.services import results as results_service
from alliance.programs.tests.factories import ProgrammeFactory, ProjectGroupFactory, representative
from alliance.programs.tests.factories_judging import fill_scores, ready_judge, screening_panel

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def korean(settings):
    settings.LANGUAGE_CODE = "ko"


@pytest.fixture
def programme():
    programme = ProgrammeFactory(year=2026)
    programme.screening_value = 1
    programme.save()
    return programme


def _screened(programme, staff_user, *, release=True):
    kept = ProjectGroupFactory(programme=programme, name="통과 컨소시엄")
    dropped = ProjectGroupFactory(programme=programme, name="탈락 컨소시엄")
    panel = screening_panel(programme)
    judges = [ready_judge(panel) for _ in range(3)]
    for group in (kept, dropped):
        for judge in judges:
            assignment_service.assign_evaluator(actor=staff_user, panel=panel, user=judge, group=group)
    fill_scores(panel, {(judge, kept): 15 for judge in judges} | {(judge, dropped): 10 for judge in judges})
    panel_service.close_panel(actor=staff_user, panel=panel)
    results_service.decide_screening(actor=staff_user, panel=panel)
    if release:
        results_service.release_results(actor=staff_user, panel=panel, notify=False)
    panel.refresh_from_db()
    return panel, kept, dropped


def _page(client, group) -> str:
    client.force_login(representative(group.lead))
    return client.get(reverse("programs:group_detail", args=[group.pk])).content.decode()


def test_a_screened_out_group_sees_not_selected_and_the_objection_link_with_its_deadline(client, programme, staff_user):
    panel, _kept, dropped = _screened(programme, staff_user)

    page = _page(client, dropped)

    assert "서류 평가 결과:" in page
    assert '<span class="badge">미선정</span>' in page
    assert '<span class="badge" id="proposal-status">서류 평가 미선정</span>' in page
    assert "제출 완료" not in page
    link = reverse("programs:group_result", args=[dropped.pk]) + f"#objection-{panel.pk}"
    assert f'<a href="{link}">' in page
    assert "2위" in page
    home = client.get(reverse("programs:apply_home", args=[programme.year])).content.decode()
    assert "서류 평가 미선정" in home
    assert "제출 완료" not in home
    assert "이의신청 기한: " in page


def test_after_the_objection_period_the_link_is_gone_and_the_end_is_said(client, programme, staff_user):
    panel, _kept, dropped = _screened(programme, staff_user)
    Panel.objects.filter(pk=panel.pk).update(released_at=panel.released_at - datetime.timedelta(days=30))

    page = _page(client, dropped)

    assert "#objection-" not in page
    assert "미선정" in page
    assert "이의신청 기간이 " in page
    assert "에 끝났습니다." in page


def test_a_group_through_screening_sees_selected(client, programme, staff_user):
    _panel, kept, _dropped = _screened(programme, staff_user)

    page = _page(client, kept)

    assert '<span class="badge badge-ok" id="proposal-status">서류 평가 선정</span>' in page
    assert "1위" in page


def test_nothing_leaks_before_the_results_are_released(client, programme, staff_user):
    _panel, kept, dropped = _screened(programme, staff_user, release=False)

    for group in (kept, dropped):
        page = _page(client, group)
        assert 'id="stage-results"' not in page
        assert "미선정" not in page
        assert "서류 평가 선정" not in page
        assert "#objection-" not in page


def test_the_final_result_shows_the_rank_and_the_award(client, programme, staff_user):
    from alliance.programs.tests.factories_documents import judged_final

    first = ProjectGroupFactory(programme=programme, name="메타랩 컨소시엄")
    second = ProjectGroupFactory(programme=programme, name="가온XR 컨소시엄")
    panel, _judges = judged_final(programme, staff_user, {first: (18, 17, 16, 15, 10), second: (15, 14, 14, 14, 12)})
    results_service.release_results(actor=staff_user, panel=panel, notify=False)
    award = Winner.objects.get(panel=panel, group=first).award_name

    page = _page(client, first)

    assert award
    assert "최종 발표 평가 결과:" in page
    assert "1위" in page
    assert f"<strong>{award}</strong>" in page
    assert f'id="proposal-status">{award}</span>' in page
