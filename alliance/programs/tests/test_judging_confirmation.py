"""Judging's mass actions ask first (core/confirm.py): automatic assignment, seating the final panel, closing
a panel, selecting who goes on, placing the winners and releasing the results with their e-mails. The first
POST writes nothing and sends nothing; the confirmed POST acts."""

import pytest
from django.urls import reverse

from alliance.core.models import AuditEntry
from alliance.core.tests.confirming import post_confirmed
from alliance.programs.models import Absence, Assignment, Panel, Score, ScreeningOutcome, Winner
from alliance.programs.services import assignment as assignment_service
from alliance.programs.services import panels as panel_service
from alliance.programs.services import results as results_service
from alliance.programs.tests.factories import ProgrammeFactory, ProjectGroupFactory, representative
from alliance.programs.tests.factories_judging import (
    evaluator_on,
    fill_scores,
    final_panel,
    ready_judge,
    screening_panel,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def korean(settings):
    settings.LANGUAGE_CODE = "ko"


@pytest.fixture
def programme():
    return ProgrammeFactory()


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


def _programs_audit() -> int:
    return AuditEntry.objects.filter(action__startswith="programs.").count()


def _scored_final(programme, staff_user, points: dict, *, close: bool = True) -> Panel:
    panel = final_panel(programme)
    judges = [ready_judge(panel) for _ in range(3)]
    assignment_service.seat_final_panel(actor=staff_user, panel=panel)
    fill_scores(panel, {(judge, group): value for group, value in points.items() for judge in judges})
    if close:
        panel_service.close_panel(actor=staff_user, panel=panel)
    return Panel.objects.get(pk=panel.pk)


def test_automatic_assignment_first_shows_the_pairs_and_assigns_nobody(staff_client, programme):
    ProjectGroupFactory(programme=programme, name="가온 컨소시엄")
    evaluator_on(programme, name="김평가")
    panel = screening_panel(programme)
    url = reverse("programs:panel_detail", args=[panel.pk])
    audit = _programs_audit()

    page = staff_client.post(url, {"action": "auto"})

    html = page.content.decode()
    assert (page.status_code, "김평가 → 가온 컨소시엄" in html) == (200, True)
    assert (Assignment.objects.count(), _programs_audit()) == (0, audit)
    post_confirmed(staff_client, url, {"action": "auto"})
    assert Assignment.objects.filter(panel=panel).count() == 1


def test_seating_the_final_panel_first_shows_assignments_and_recusals(staff_client, programme):
    group = ProjectGroupFactory(programme=programme, name="가온 컨소시엄")
    panel = final_panel(programme)
    ready_judge(panel)
    conflicted = evaluator_on(programme, organisation=group.lead)
    url = reverse("programs:panel_detail", args=[panel.pk])

    page = staff_client.post(url, {"action": "seat"})

    html = page.content.decode()
    assert "1건" in html
    assert f"{conflicted.name} → 가온 컨소시엄" in html
    assert (Assignment.objects.count(), Absence.objects.count()) == (0, 0)
    post_confirmed(staff_client, url, {"action": "seat"})
    assert (Assignment.objects.count(), Absence.objects.count()) == (1, 1)


def test_closing_a_panel_first_names_its_groups_then_closes(staff_client, programme, staff_user):
    group = ProjectGroupFactory(programme=programme, name="가온 컨소시엄")
    panel = _scored_final(programme, staff_user, {group: 15}, close=False)
    url = reverse("programs:panel_detail", args=[panel.pk])

    page = staff_client.post(url, {"action": "close"})

    assert ("1개 그룹" in page.content.decode(), Panel.objects.get(pk=panel.pk).closed_at) == (True, None)
    post_confirmed(staff_client, url, {"action": "close"})
    assert Panel.objects.get(pk=panel.pk).closed_at is not None


def test_screening_selection_first_says_who_goes_on(staff_client, programme, staff_user):
    programme.screening_mode, programme.screening_value = "top_n", 1
    programme.save()
    first = ProjectGroupFactory(programme=programme, name="가온 컨소시엄")
    second = ProjectGroupFactory(programme=programme, name="나래 컨소시엄")
    panel = screening_panel(programme)
    judges = [ready_judge(panel) for _ in range(2)]
    for judge in judges:
        for group in (first, second):
            assignment_service.assign_evaluator(actor=staff_user, panel=panel, user=judge, group=group)
    fill_scores(panel, {(judge, first): 18 for judge in judges} | {(judge, second): 10 for judge in judges})
    panel_service.close_panel(actor=staff_user, panel=panel)
    url = reverse("programs:panel_results", args=[panel.pk])

    html = staff_client.post(url, {"action": "screening"}).content.decode()

    assert "가온 컨소시엄: 통과" in html
    assert "나래 컨소시엄: 탈락" in html
    assert ScreeningOutcome.objects.count() == 0
    post_confirmed(staff_client, url, {"action": "screening"})
    assert list(ScreeningOutcome.objects.order_by("rank").values_list("advances", flat=True)) == [True, False]


def test_placing_winners_first_lists_the_places(staff_client, programme, staff_user):
    first = ProjectGroupFactory(programme=programme, name="가온 컨소시엄")
    panel = _scored_final(programme, staff_user, {first: 18})
    url = reverse("programs:panel_results", args=[panel.pk])
    audit = _programs_audit()

    html = staff_client.post(url, {"action": "winners"}).content.decode()

    assert "가온 컨소시엄" in html
    assert (Winner.objects.count(), _programs_audit()) == (0, audit)
    post_confirmed(staff_client, url, {"action": "winners"})
    assert list(Winner.objects.values_list("group__name", flat=True)) == ["가온 컨소시엄"]


def test_release_first_shows_the_groups_and_the_e_mail_and_sends_nothing(
    staff_client, programme, staff_user, smtp_server, django_capture_on_commit_callbacks
):
    first = ProjectGroupFactory(programme=programme, name="가온 컨소시엄")
    second = ProjectGroupFactory(programme=programme, name="나래 컨소시엄")
    representative(first.lead, email="rep@gaon.example.kr")
    panel = _scored_final(programme, staff_user, {first: 18, second: 12})
    url = reverse("programs:panel_results", args=[panel.pk])
    audit = _programs_audit()

    with django_capture_on_commit_callbacks(execute=True):
        page = staff_client.post(url, {"action": "release"})
    preview = staff_client.get(reverse("programs:panel_results_preview", args=[panel.pk]))

    html = page.content.decode()
    assert "2개 그룹" in html
    assert "가온 컨소시엄 (rep@gaon.example.kr)" in html
    assert "나래 컨소시엄 (메일 주소 없음)" in html
    assert "1개 그룹은 메일을 받을 대표자가 없어" in html
    assert "가온 컨소시엄" in preview.content.decode()
    assert preview["Content-Security-Policy"].startswith("default-src 'none'")
    assert (Panel.objects.get(pk=panel.pk).released_at, _programs_audit(), smtp_server.messages) == (None, audit, [])

    with django_capture_on_commit_callbacks(execute=True):
        post_confirmed(staff_client, url, {"action": "release"})

    assert Panel.objects.get(pk=panel.pk).released_at is not None
    assert [message.envelope_recipients for message in smtp_server.messages] == [["rep@gaon.example.kr"]]


def test_release_test_send_reaches_only_staff(staff_client, programme, staff_user, smtp_server):
    group = ProjectGroupFactory(programme=programme, name="가온 컨소시엄")
    representative(group.lead, email="rep@gaon.example.kr")
    panel = _scored_final(programme, staff_user, {group: 18})

    staff_client.post(reverse("programs:panel_results", args=[panel.pk]), {"action": "release", "send_test": "1"})

    assert [message.envelope_recipients for message in smtp_server.messages] == [[staff_user.email]]
    assert smtp_server.messages[0]["Subject"].strip().startswith("[테스트] ")
    assert Panel.objects.get(pk=panel.pk).released_at is None


def test_release_with_a_missing_score_is_refused_even_when_forged(staff_client, programme, staff_user, smtp_server):
    group = ProjectGroupFactory(programme=programme, name="가온 컨소시엄")
    panel = _scored_final(programme, staff_user, {group: 18})
    Score.objects.filter(panel=panel).first().delete()  # as a conflict declared after closing withdraws it
    url = reverse("programs:panel_results", args=[panel.pk])

    page = staff_client.post(url, {"action": "release"})
    forged = staff_client.post(url, {"action": "release", "confirmed": "forged"})

    assert "점수표 1건이 완전하지 않습니다" in page.content.decode()
    assert 'name="confirmed"' not in page.content.decode()
    assert forged.status_code == 200
    assert (Panel.objects.get(pk=panel.pk).released_at, smtp_server.messages) == (None, [])


def test_release_of_a_released_panel_is_refused(staff_client, programme, staff_user):
    group = ProjectGroupFactory(programme=programme)
    panel = _scored_final(programme, staff_user, {group: 18})
    results_service.release_results(actor=staff_user, panel=panel, notify=False)

    page = staff_client.post(reverse("programs:panel_results", args=[panel.pk]), {"action": "release"})

    assert "이미 공개" in page.content.decode()
    assert 'name="confirmed"' not in page.content.decode()
