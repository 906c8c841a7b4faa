"""Staff pages of programme set-up: create (default or copy), rules, dates, tracks, rubric and awards."""

import pytest
from django.urls import reverse

from alliance.core.models import AuditEntry
from alliance.core.tests.confirming import post_confirmed
from alliance.programs.models import Programme
from alliance.programs.services.programme import lock_ranking_rule
from alliance.programs.tests.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


def test_programme_create_without_source_uses_the_default_rubric(staff_client):
    response = staff_client.post(
        reverse("programs:programme_create"), {"year": 2026, "name": "2026 프로젝트 그룹", "copy_from": ""}
    )

    programme = Programme.objects.get(year=2026)
    assert response.status_code == 302
    assert response["Location"] == reverse("programs:programme_detail", args=[programme.pk])
    assert list(programme.tracks.values_list("code", flat=True)) == ["SW", "HW"]


def test_programme_create_copying_last_year_keeps_its_tracks(staff_client):
    source = ProgrammeFactory(year=2025)
    url, body = (
        reverse("programs:programme_create"),
        {"year": 2026, "name": "2026 프로젝트 그룹", "copy_from": source.pk},
    )
    audit = AuditEntry.objects.count()

    page = staff_client.post(url, body)

    assert (page.status_code, Programme.objects.filter(year=2026).exists(), AuditEntry.objects.count()) == (
        200,
        False,
        audit,
    )
    assert 'name="confirmed"' in page.content.decode()
    post_confirmed(staff_client, url, body)
    copy = Programme.objects.get(year=2026)
    assert (copy.copied_from, copy.tracks.count()) == (source, 2)


def test_copying_into_a_year_that_exists_is_refused_and_a_gap_warned(staff_client):
    source = ProgrammeFactory(year=2024)
    ProgrammeFactory(year=2026)
    url = reverse("programs:programme_create")

    refused = staff_client.post(url, {"year": 2026, "name": "2026 프로젝트 그룹", "copy_from": source.pk})
    warned = staff_client.post(url, {"year": 2027, "name": "2027 프로젝트 그룹", "copy_from": source.pk})

    assert "2026년 프로그램이 이미 있어" in refused.content.decode()
    assert 'name="confirmed"' not in refused.content.decode()
    assert "일정이 3년 옮겨집니다" in warned.content.decode()
    assert 'name="confirmed"' in warned.content.decode()
    assert list(Programme.objects.order_by("year").values_list("year", flat=True)) == [2024, 2026]


def test_programme_detail_shows_rubric_and_stages(staff_client):
    programme = ProgrammeFactory(year=2026)

    response = staff_client.get(reverse("programs:programme_detail", args=[programme.pk]))

    content = response.content.decode()
    assert response.status_code == 200
    assert "실용성 및 양산 가능성" in content
    assert "2026. 5. 8. 23:59:59" in content


def test_programme_rules_post_saves_policy_and_chain(staff_client):
    programme = ProgrammeFactory()
    data = {
        "name": programme.name,
        "ranking_rule": "median",
        "absence_4": "mean",
        "absence_3": "mean",
        "absence_2": "mean",
        "tie_break_1": "untrimmed_mean",
        "tie_break_2": "",
        "tie_break_3": "",
        "objection_days": 5,
        "final_judges": 7,
        "screening_mode": "cutoff",
        "screening_value": "70",
    }

    response = staff_client.post(reverse("programs:programme_rules", args=[programme.pk]), data)

    programme.refresh_from_db()
    assert response.status_code == 302
    assert (programme.ranking_rule, programme.absence_policy, programme.tie_break_chain, programme.final_judges) == (
        "median",
        {"4": "mean", "3": "mean", "2": "mean"},
        ["untrimmed_mean"],
        7,
    )


def test_programme_rules_post_after_lock_shows_the_refusal(staff_client, staff_user):
    programme = ProgrammeFactory()
    lock_ranking_rule(actor=staff_user, programme=programme)
    data = {
        "name": programme.name,
        "ranking_rule": "median",
        "absence_4": "trimmed_mean",
        "absence_3": "mean",
        "absence_2": "mean",
        "tie_break_1": "common_subtotal",
        "objection_days": 7,
        "final_judges": 5,
        "screening_mode": "top_n",
        "screening_value": "5",
    }

    response = staff_client.post(reverse("programs:programme_rules", args=[programme.pk]), data)

    programme.refresh_from_db()
    assert response.status_code == 200
    assert programme.ranking_rule == "trimmed_mean"
    assert "순위 산정 방식과 심사 기준을 더 이상 바꿀 수 없습니다" in response.content.decode()


@pytest.mark.parametrize(
    ("rule", "absences", "refusal"),
    [
        ("zscore", ("trimmed_mean", "mean", "mean"), "모두 “심사위원별 표준점수 평균”을 고르거나"),
        ("trimmed_mean", ("trimmed_mean", "mean", "trimmed_mean"), "심사위원이 3명 이상 필요합니다(지정된 수: 2명)"),
    ],
)
def test_programme_rules_post_refuses_a_policy_the_ranking_cannot_apply(staff_client, rule, absences, refusal):
    programme = ProgrammeFactory()
    data = {
        "name": programme.name,
        "ranking_rule": rule,
        "absence_4": absences[0],
        "absence_3": absences[1],
        "absence_2": absences[2],
        "tie_break_1": "common_subtotal",
        "objection_days": 7,
        "final_judges": 5,
        "screening_mode": "top_n",
        "screening_value": "5",
    }

    response = staff_client.post(reverse("programs:programme_rules", args=[programme.pk]), data)

    programme.refresh_from_db()
    assert response.status_code == 200
    assert refusal in response.content.decode()
    assert (programme.ranking_rule, programme.absence_policy["2"]) == ("trimmed_mean", "mean")


def test_track_edit_rubric_text_error_names_the_line(staff_client):
    programme = ProgrammeFactory()
    track = programme.tracks.get(code="SW")

    response = staff_client.post(
        reverse("programs:track_edit", args=[track.pk]),
        {"part": "rubric", "criteria": "독창성 | 50 | 공통\n시장성 | 많이"},
    )

    assert response.status_code == 200
    assert "2번째 줄: “항목명 | 배점” 형식으로" in response.content.decode()
    assert track.criteria.count() == 5


def test_track_edit_rubric_and_awards_are_saved(staff_client):
    programme = ProgrammeFactory()
    track = programme.tracks.get(code="HW")

    staff_client.post(
        reverse("programs:track_edit", args=[track.pk]),
        {"part": "rubric", "criteria": "독창성 | 50 | 공통\n양산성 | 50"},
    )
    staff_client.post(
        reverse("programs:track_edit", args=[track.pk]),
        {"part": "awards", "awards": "대상 | 과학기술정보통신부 장관상 | 1\n우수상 | NIPA 원장상 | 2"},
    )

    assert [(c.name, c.max_points, c.is_common) for c in track.criteria.all()] == [
        ("독창성", 50, True),
        ("양산성", 50, False),
    ]
    assert [(a.rank, a.name, a.presented_by, a.count) for a in track.awards.all()] == [
        (1, "대상", "과학기술정보통신부 장관상", 1),
        (2, "우수상", "NIPA 원장상", 2),
    ]


def test_track_create_adds_a_track_with_common_criteria(staff_client):
    programme = ProgrammeFactory()

    staff_client.post(
        reverse("programs:track_create", args=[programme.pk]), {"code": "ai", "name": "AI부문", "description": ""}
    )

    track = programme.tracks.get(code="AI")
    assert list(track.criteria.values_list("name", flat=True)) == ["독창성 및 혁신성", "시장 수익가능성"]


def test_programme_stages_post_moves_the_call_deadline(staff_client):
    programme = ProgrammeFactory(year=2026)
    stages = {stage.kind: stage for stage in programme.stages.all()}
    data = {}
    for kind, stage in stages.items():
        data[f"{kind}_starts_at"] = stage.starts_at.astimezone().strftime("%Y-%m-%dT%H:%M")
        data[f"{kind}_ends_at"] = stage.ends_at.astimezone().strftime("%Y-%m-%dT%H:%M")
    data["call_ends_at"] = "2026-05-15T18:00"

    response = staff_client.post(reverse("programs:programme_stages", args=[programme.pk]), data)

    assert response.status_code == 302
    call = programme.stages.get(kind="call")
    assert call.ends_at.isoformat() == "2026-05-15T09:00:00+00:00"


def test_programme_list_query_count_does_not_grow_with_programmes(staff_client, django_assert_max_num_queries):
    ProgrammeFactory()
    url = reverse("programs:programme_list")
    with django_assert_max_num_queries(100) as one:
        staff_client.get(url)
    ProgrammeFactory()
    ProgrammeFactory()

    with django_assert_max_num_queries(len(one.captured_queries)):
        response = staff_client.get(url)

    assert response.status_code == 200
