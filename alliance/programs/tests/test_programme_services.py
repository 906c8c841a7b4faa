"""Programme set-up: the default 2026 rubric, stages in Seoul time, rule locking, copying last year."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from alliance.core.models import AuditEntry
from alliance.programs import ranking
from alliance.programs.models import Programme
from alliance.programs.services import programme as service
from alliance.programs.tests.factories import ProgrammeFactory

SEOUL = ZoneInfo("Asia/Seoul")
pytestmark = pytest.mark.django_db


def _rubric(programme, code):
    return [(c.name, c.max_points, c.is_common) for c in programme.tracks.get(code=code).criteria.all()]


def test_create_programme_default_rubric_is_the_seeds_2026_rubric():
    programme = ProgrammeFactory(year=2026)

    assert _rubric(programme, "SW") == [
        ("독창성 및 혁신성", 20, True),
        ("시장 수익가능성", 20, True),
        ("사용자 목적성", 20, False),
        ("기술 보유 및 완성도", 20, False),
        ("산업 기여도", 20, False),
    ]
    assert _rubric(programme, "HW") == [
        ("독창성 및 혁신성", 20, True),
        ("시장 수익가능성", 20, True),
        ("기술 확장성", 20, False),
        ("타 산업 융합성", 20, False),
        ("실용성 및 양산 가능성", 20, False),
    ]
    assert sum(a.count for a in programme.tracks.get(code="SW").awards.all()) == 5


def test_create_programme_call_closes_at_the_end_of_8_may_seoul_time():
    programme = ProgrammeFactory(year=2026)

    call = programme.stages.get(kind="call")
    assert call.starts_at == datetime.datetime(2026, 3, 25, tzinfo=SEOUL)
    assert call.ends_at == datetime.datetime(2026, 5, 8, 23, 59, 59, tzinfo=SEOUL)
    assert call.ends_at == datetime.datetime(2026, 5, 8, 14, 59, 59, tzinfo=datetime.UTC)
    assert list(programme.stages.values_list("kind", flat=True)) == [
        "call",
        "screening",
        "mentoring_1",
        "investment_day",
        "mentoring_2",
        "final",
        "awards",
    ]


def test_create_programme_second_one_for_a_year_is_refused():
    ProgrammeFactory(year=2026)

    with pytest.raises(ValidationError):
        ProgrammeFactory(year=2026)

    assert Programme.objects.count() == 1


def test_create_programme_duplicate_criterion_is_refused_and_nothing_written():
    tracks = [{"code": "SW", "name": "SW", "criteria": [{"name": "독창성", "max_points": 20}] * 2}]

    with pytest.raises(ValidationError) as error:
        service.create_programme(actor=None, year=2030, name="2030", tracks=tracks)

    assert error.value.messages == ["중복된 항목명: 독창성."]
    assert Programme.objects.count() == 0


def test_update_programme_rules_changes_rule_and_audits_before_and_after(staff_user):
    programme = ProgrammeFactory()

    service.update_programme_rules(actor=staff_user, programme=programme, data={"ranking_rule": "median"})

    programme.refresh_from_db()
    entry = AuditEntry.objects.get(action="programs.programme.updated")
    assert programme.ranking_rule == "median"
    assert (entry.before, entry.after, entry.actor) == (
        {"ranking_rule": "trimmed_mean"},
        {"ranking_rule": "median"},
        staff_user,
    )


def test_update_programme_rules_after_lock_is_refused(staff_user):
    programme = ProgrammeFactory()
    service.lock_ranking_rule(actor=staff_user, programme=programme)

    with pytest.raises(ValidationError):
        service.update_programme_rules(actor=staff_user, programme=programme, data={"ranking_rule": "mean"})

    programme.refresh_from_db()
    assert programme.ranking_rule == "trimmed_mean"


def test_update_programme_rules_after_lock_still_allows_objection_period(staff_user):
    programme = ProgrammeFactory()
    service.lock_ranking_rule(actor=staff_user, programme=programme)

    service.update_programme_rules(actor=staff_user, programme=programme, data={"objection_days": 10})

    programme.refresh_from_db()
    assert programme.objection_days == 10


def test_update_programme_rules_unknown_tie_break_is_refused(staff_user):
    programme = ProgrammeFactory()

    with pytest.raises(ValidationError) as error:
        service.update_programme_rules(actor=staff_user, programme=programme, data={"tie_break_chain": ["coin_toss"]})

    assert error.value.messages == ["알 수 없는 동점 처리 기준입니다: coin_toss."]


def test_save_rubric_after_lock_is_refused(staff_user):
    programme = ProgrammeFactory()
    track = programme.tracks.get(code="SW")
    service.lock_ranking_rule(actor=staff_user, programme=programme)
    programme.refresh_from_db()
    track.programme = programme

    with pytest.raises(ValidationError):
        service.save_rubric(actor=staff_user, track=track, criteria=[{"name": "하나", "max_points": 100}])

    assert track.criteria.count() == 5


def test_save_rubric_replaces_criteria_in_order(staff_user):
    programme = ProgrammeFactory()
    track = programme.tracks.get(code="HW")

    service.save_rubric(
        actor=staff_user,
        track=track,
        criteria=[{"name": "시장성", "max_points": 60, "is_common": True}, {"name": "기술성", "max_points": 40}],
    )

    assert _rubric(programme, "HW") == [("시장성", 60, True), ("기술성", 40, False)]
    assert AuditEntry.objects.filter(action="programs.rubric.saved").count() == 1


def test_lock_ranking_rule_twice_keeps_the_first_time(staff_user):
    programme = ProgrammeFactory()
    first = service.lock_ranking_rule(actor=staff_user, programme=programme).rule_locked_at

    second = service.lock_ranking_rule(actor=staff_user, programme=programme).rule_locked_at

    assert second == first
    assert AuditEntry.objects.filter(action="programs.programme.rule_locked").count() == 1


def test_copy_programme_copies_tracks_rubric_awards_and_moves_stages_a_year(staff_user):
    source = ProgrammeFactory(year=2025, name="2025 메타버스 얼라이언스 프로젝트 그룹")
    service.save_track(actor=staff_user, programme=source, code="IDEA", name="아이디어 창출", description="2025년 부문")
    service.update_programme_rules(actor=staff_user, programme=source, data={"objection_days": 5})

    copy = service.copy_programme(actor=staff_user, source=Programme.objects.get(pk=source.pk), year=2026)

    assert copy.name == "2026 메타버스 얼라이언스 프로젝트 그룹"
    assert copy.copied_from == source
    assert copy.objection_days == 5
    assert list(copy.tracks.values_list("code", flat=True)) == ["SW", "HW", "IDEA"]
    assert _rubric(copy, "SW") == _rubric(source, "SW")
    assert _rubric(copy, "IDEA") == [("독창성 및 혁신성", 20, True), ("시장 수익가능성", 20, True)]
    assert copy.stages.get(kind="call").ends_at == datetime.datetime(2026, 5, 8, 23, 59, 59, tzinfo=SEOUL)
    assert copy.rule_locked_at is None


def test_set_stage_end_before_start_is_refused(staff_user):
    programme = ProgrammeFactory()
    start = datetime.datetime(2026, 6, 1, tzinfo=SEOUL)

    with pytest.raises(ValidationError):
        service.set_stage(
            actor=staff_user,
            programme=programme,
            kind="screening",
            starts_at=start,
            ends_at=start.replace(day=1, month=5),
        )


def test_save_track_code_already_used_is_refused(staff_user):
    programme = ProgrammeFactory()

    with pytest.raises(ValidationError) as error:
        service.save_track(actor=staff_user, programme=programme, code="sw", name="다른 SW")

    assert error.value.messages == ["부문 코드 SW은(는) 이미 쓰이고 있습니다."]


@pytest.mark.parametrize(
    ("rule", "policy"),
    [
        ("trimmed_mean", {4: "trimmed_mean", 3: "mean", 2: "mean", 1: "mean"}),
        ("mean", {4: "mean", 3: "mean", 2: "mean", 1: "mean"}),
        ("median", {4: "median", 3: "median", 2: "median", 1: "median"}),
        ("zscore", {4: "zscore", 3: "zscore", 2: "zscore", 1: "zscore"}),
    ],
)
def test_create_programme_gives_each_rule_a_policy_the_ranking_accepts(rule, policy):
    programme = ProgrammeFactory(ranking_rule=rule)

    assert ranking.normalise_policy(rule, programme.absence_policy) == policy


def test_update_programme_rules_to_zscore_keeping_a_raw_score_policy_is_refused_before_any_score(staff_user):
    programme = ProgrammeFactory()

    with pytest.raises(ValidationError) as refused:
        service.update_programme_rules(actor=staff_user, programme=programme, data={"ranking_rule": "zscore"})

    programme.refresh_from_db()
    assert refused.value.messages == ["심사위원 불참 규칙: 표준화 점수 방식은 원점수 방식과 함께 쓸 수 없습니다."]
    assert (programme.ranking_rule, programme.rule_locked_at) == ("trimmed_mean", None)


def test_update_programme_rules_refuses_the_trimmed_mean_for_two_judges(staff_user):
    programme = ProgrammeFactory()

    with pytest.raises(ValidationError) as refused:
        service.update_programme_rules(
            actor=staff_user, programme=programme, data={"absence_policy": {"3": "mean", "2": "trimmed_mean"}}
        )

    assert refused.value.messages == [
        "심사위원 불참 규칙: '최고·최저 점수 제외 산술평균' 방식에는 심사위원이 3명 이상 필요합니다(지정된 수: 2명)."
    ]
