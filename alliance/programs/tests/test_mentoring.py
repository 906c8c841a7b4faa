"""Mentoring: the pool per field, matching by field without conflicts, scheduling, feedback by the mentor
only, interim results, and staff's list of groups still lacking a mentor, a session or feedback."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from alliance.core.models import AuditEntry
from alliance.core.roles import Role
from alliance.core.tests.confirming import post_confirmed
from alliance.core.tests.factories import UserFactory
from alliance.members.tests.factories import OrganisationFactory
from alliance.programs.models import MentoringSession
from alliance.programs.queries import mentoring as queries_mentoring
from alliance.programs.services import mentoring as service
from alliance.programs.tests.factories import ProgrammeFactory, ProjectGroupFactory, representative, upload_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    return ProgrammeFactory()


def _mentor(programme, field, name, **kwargs):
    user = UserFactory(role=Role.EVALUATOR, name=name, **kwargs)
    return service.add_mentor(actor=None, programme=programme, user=user, field=field)


def _group(programme, name, field, **kwargs):
    group = ProjectGroupFactory(programme=programme, name=name, **kwargs)
    group.mentoring_field = field
    group.save(update_fields=["mentoring_field"])
    return group


def test_add_mentor_non_evaluator_is_refused(programme):
    with pytest.raises(ValidationError):
        service.add_mentor(actor=None, programme=programme, user=UserFactory(role=Role.INVESTOR), field="제조·건설")


def test_match_mentor_of_another_field_is_refused(programme):
    group = _group(programme, "그룹", "제조·건설")
    mentor = _mentor(programme, "쇼핑·유통", "유통 전문가")

    with pytest.raises(ValidationError) as error:
        service.match_mentor(actor=None, group=group, round_number=1, mentor=mentor)

    assert error.value.messages == ["유통 전문가은(는) 쇼핑·유통 분야 멘토로, 그룹 분야(제조·건설)와 다릅니다."]


def test_match_mentor_working_at_a_group_company_is_refused(programme):
    partner = OrganisationFactory()
    group = _group(programme, "그룹", "제조·건설", partners=[partner])
    mentor = _mentor(programme, "제조·건설", "내부자", organisation=partner)

    with pytest.raises(ValidationError):
        service.match_mentor(actor=None, group=group, round_number=1, mentor=mentor)

    assert MentoringSession.objects.count() == 0


def test_match_by_field_balances_load_and_skips_conflicts(programme, staff_user):
    conflicted = OrganisationFactory()
    kim = _mentor(programme, "제조·건설", "김멘토", organisation=conflicted)
    lee = _mentor(programme, "제조·건설", "이멘토")
    groups = [_group(programme, f"그룹{n}", "제조·건설") for n in range(3)]
    _group(programme, "내부 그룹", "제조·건설", lead=conflicted)
    _group(programme, "분야 없음", "")

    matched = service.match_by_field(actor=staff_user, programme=programme, round_number=2)

    sessions = MentoringSession.objects.filter(round_number=2).select_related("group", "mentor")
    assert matched == 4
    assert {s.group.name: s.mentor.user.name for s in sessions} == {
        "그룹0": "김멘토",
        "그룹1": "이멘토",
        "그룹2": "김멘토",
        "내부 그룹": "이멘토",
    }
    assert (kim.sessions.count(), lee.sessions.count(), len(groups)) == (2, 2, 3)


def test_matching_by_field_from_the_round_page_first_lists_the_pairs(client, programme, staff_user):
    _mentor(programme, "제조·건설", "김멘토")
    _group(programme, "그룹0", "제조·건설")
    client.force_login(staff_user)
    url = reverse("programs:mentoring_round", args=[programme.pk, 1])

    page = client.post(url, {"action": "match_by_field"})

    assert "그룹0 → 김멘토" in page.content.decode()
    assert MentoringSession.objects.count() == 0
    post_confirmed(client, url, {"action": "match_by_field"})
    assert list(MentoringSession.objects.values_list("group__name", "mentor__user__name")) == [("그룹0", "김멘토")]


def test_match_by_field_skips_groups_screened_out_once_screening_is_decided(programme, staff_user):
    from alliance.programs.models import Panel, ScreeningOutcome

    _mentor(programme, "제조·건설", "김멘토")
    kept, dropped = _group(programme, "통과 그룹", "제조·건설"), _group(programme, "탈락 그룹", "제조·건설")
    screening = Panel.objects.create(programme=programme, kind=Panel.Kind.SCREENING)
    ScreeningOutcome.objects.create(panel=screening, group=kept, score=80, rank=1, advances=True)
    ScreeningOutcome.objects.create(panel=screening, group=dropped, score=40, rank=2, advances=False)

    matched = service.match_by_field(actor=staff_user, programme=programme, round_number=1)

    assert matched == 1
    assert list(MentoringSession.objects.values_list("group__name", flat=True)) == ["통과 그룹"]
    assert [row.group.name for row in queries_mentoring.round_overview(programme, 1)] == ["통과 그룹"]


def test_record_feedback_by_another_mentor_is_refused(programme):
    group = _group(programme, "그룹", "제조·건설")
    mentor = _mentor(programme, "제조·건설", "담당 멘토")
    other = _mentor(programme, "제조·건설", "다른 멘토")
    session = service.match_mentor(actor=None, group=group, round_number=1, mentor=mentor)
    service.schedule_session(actor=None, session=session, starts_at=timezone.now(), place="K-META 4층")

    with pytest.raises(ValidationError):
        service.record_feedback(actor=other.user, session=session, feedback="좋습니다")

    service.record_feedback(actor=mentor.user, session=session, feedback="시장 검증을 보강하세요.")
    session.refresh_from_db()
    assert (session.feedback, session.has_feedback) == ("시장 검증을 보강하세요.", True)
    assert AuditEntry.objects.filter(action="programs.mentoring.feedback").count() == 1


def test_record_feedback_before_scheduling_is_refused(programme):
    group = _group(programme, "그룹", "제조·건설")
    mentor = _mentor(programme, "제조·건설", "멘토")
    session = service.match_mentor(actor=None, group=group, round_number=1, mentor=mentor)

    with pytest.raises(ValidationError):
        service.record_feedback(actor=mentor.user, session=session, feedback="메모")


def test_upload_interim_result_by_a_partner_is_stored(programme):
    partner = OrganisationFactory()
    group = _group(programme, "그룹", "제조·건설", partners=[partner])

    result = service.upload_interim_result(
        actor=representative(partner), group=group, round_number=1, upload=upload_file("중간보고.pptx")
    )

    assert (result.original_name, result.round_number) == ("중간보고.pptx", 1)


def test_upload_interim_result_by_an_outsider_is_refused(programme):
    group = _group(programme, "그룹", "제조·건설")

    with pytest.raises(ValidationError):
        service.upload_interim_result(
            actor=representative(OrganisationFactory()), group=group, round_number=1, upload=upload_file("a.pdf")
        )


def test_round_overview_says_what_each_group_lacks(programme):
    mentor = _mentor(programme, "제조·건설", "멘토")
    _group(programme, "가 미배정", "제조·건설")
    unscheduled = _group(programme, "나 일정 없음", "제조·건설")
    no_feedback = _group(programme, "다 피드백 없음", "제조·건설")
    done = _group(programme, "라 완료", "제조·건설")
    service.match_mentor(actor=None, group=unscheduled, round_number=1, mentor=mentor)
    for group in (no_feedback, done):
        session = service.match_mentor(actor=None, group=group, round_number=1, mentor=mentor)
        service.schedule_session(actor=None, session=session, starts_at=timezone.now(), place="")
    service.record_feedback(actor=mentor.user, session=done.mentoring_sessions.get(), feedback="완료")

    rows = queries_mentoring.round_overview(programme, 1)
    lacking = queries_mentoring.round_overview(programme, 1, lacking_only=True)

    assert [(row.group.name, row.lacking) for row in rows] == [
        ("가 미배정", "mentor"),
        ("나 일정 없음", "session"),
        ("다 피드백 없음", "feedback"),
        ("라 완료", ""),
    ]
    assert [row.group.name for row in lacking] == ["가 미배정", "나 일정 없음", "다 피드백 없음"]


def test_mentoring_round_page_query_count_does_not_grow_with_groups(client, programme, staff_user):
    mentor = _mentor(programme, "제조·건설", "멘토")
    service.match_mentor(actor=None, group=_group(programme, "그룹0", "제조·건설"), round_number=1, mentor=mentor)
    client.force_login(staff_user)
    url = reverse("programs:mentoring_round", args=[programme.pk, 1])
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for n in (1, 2):
        group = _group(programme, f"그룹{n}", "제조·건설")
        service.match_mentor(actor=None, group=group, round_number=1, mentor=mentor)

    with CaptureQueriesContext(connection) as three:
        response = client.get(url)

    assert len(response.context["rows"]) == 3
    assert len(three.captured_queries) == len(one.captured_queries)


def test_session_detail_mentor_schedules_and_writes_feedback(client, programme):
    group = _group(programme, "그룹", "제조·건설")
    mentor = _mentor(programme, "제조·건설", "멘토")
    session = service.match_mentor(actor=None, group=group, round_number=1, mentor=mentor)
    client.force_login(mentor.user)
    url = reverse("programs:session_detail", args=[session.pk])
    starts = timezone.localtime(timezone.now() + datetime.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")

    client.post(url, {"part": "schedule", "starts_at": starts, "place": "온라인"})
    client.post(url, {"part": "feedback", "feedback": "BM 검증 필요"})

    session.refresh_from_db()
    assert (session.place, session.feedback) == ("온라인", "BM 검증 필요")


def test_session_detail_group_member_cannot_write_feedback(client, programme):
    lead = representative(OrganisationFactory())
    group = _group(programme, "그룹", "제조·건설", lead=lead.organisation)
    session = service.match_mentor(
        actor=None, group=group, round_number=1, mentor=_mentor(programme, "제조·건설", "멘토")
    )
    client.force_login(lead)

    response = client.post(
        reverse("programs:session_detail", args=[session.pk]), {"part": "feedback", "feedback": "셀프"}
    )

    session.refresh_from_db()
    assert (response.status_code, session.feedback) == (404, "")


def test_demo_mentoring_load_matches_every_group_and_leaves_some_lacking(programme):
    from alliance.programs import demo_mentoring

    for n, field in enumerate(("교육·훈련", "의료헬스케어", "제조·건설", "엔터테인먼트", "쇼핑·유통", "교육·훈련")):
        _group(programme, f"그룹{n}", field)

    summary = demo_mentoring.load(programme=programme, seed=4)

    assert summary == "멘토링: 멘토 50명(5개 분야), 1·2차 멘토링 12건 중 피드백 7건"
    lacking = queries_mentoring.round_overview(programme, 2, lacking_only=True)
    assert sorted((row.group.name, row.lacking) for row in lacking) == [
        ("그룹0", "session"),
        ("그룹1", "session"),
        ("그룹2", "feedback"),
        ("그룹3", "feedback"),
    ]


def test_schedule_session_emails_the_mentor_and_the_group(
    programme, smtp_server, settings, django_capture_on_commit_callbacks
):
    from zoneinfo import ZoneInfo

    settings.LANGUAGE_CODE = "ko"
    lead = representative(OrganisationFactory(), email="lead@group.example.kr")
    group = _group(programme, "XR 그룹", "제조·건설", lead=lead.organisation)
    mentor = _mentor(programme, "제조·건설", "박멘토", email="mentor@expert.example.kr")
    session = service.match_mentor(actor=None, group=group, round_number=2, mentor=mentor)
    when = datetime.datetime(2026, 8, 20, 14, 0, tzinfo=ZoneInfo("Asia/Seoul"))

    with django_capture_on_commit_callbacks(execute=True):
        service.schedule_session(actor=None, session=session, starts_at=when, place="K-META 4층")

    (message,) = smtp_server.messages
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert message.envelope_recipients == ["lead@group.example.kr", "mentor@expert.example.kr"]
    assert message["Subject"].strip() == "[메타버스 얼라이언스] XR 그룹 2차 멘토링 일정 안내"
    assert "XR 그룹의 2차 멘토링(멘토 박멘토)이 2026. 8. 20. 14:00(한국 시간)에 열립니다." in text


def test_demo_mentoring_load_sends_no_email(programme, smtp_server, django_capture_on_commit_callbacks):
    from alliance.programs import demo_mentoring

    _group(programme, "그룹", "제조·건설")

    with django_capture_on_commit_callbacks(execute=True):
        demo_mentoring.load(programme=programme, seed=1)

    assert smtp_server.messages == []


def test_interim_upload_from_the_group_page_stores_the_file(client, programme):
    """Through the view, not only the service: the form's `file` reaches the service as `upload`."""
    partner = OrganisationFactory()
    group = _group(programme, "그룹", "제조·건설", partners=[partner])
    client.force_login(representative(partner))

    response = client.post(
        reverse("programs:interim_upload", args=[group.pk]),
        {"round_number": "1", "file": upload_file("중간보고.pdf")},
    )

    assert response.status_code == 302
    assert list(group.interim_results.values_list("original_name", "round_number")) == [("중간보고.pdf", 1)]


def test_a_session_moved_meanwhile_refuses_the_later_schedule(client, programme, staff_user):
    from django.test import Client

    from alliance.core.tests.editing import posted

    group = _group(programme, "그룹", "제조·건설")
    mentor = _mentor(programme, "제조·건설", "멘토")
    session = service.match_mentor(actor=None, group=group, round_number=1, mentor=mentor)
    service.schedule_session(
        actor=None, session=session, starts_at=timezone.make_aware(datetime.datetime(2026, 9, 1, 14)), place="온라인"
    )
    url = reverse("programs:session_detail", args=[session.pk])
    staff, mentor_client = Client(), Client()
    staff.force_login(staff_user)
    mentor_client.force_login(mentor.user)
    staff_form = posted(staff.get(url).context["schedule_form"]) | {"part": "schedule"}
    mentor_form = posted(mentor_client.get(url).context["schedule_form"]) | {"part": "schedule"}

    assert staff.post(url, staff_form | {"place": "코엑스 회의실 A"}).status_code == 302
    response = mentor_client.post(url, mentor_form | {"starts_at": "2026-09-02T10:00"})

    assert response.status_code == 200
    assert response.context["schedule_form"].stale_changes == [
        {"label": "장소 또는 화상회의 링크", "theirs": "코엑스 회의실 A", "yours": "온라인"}
    ]
    session.refresh_from_db()
    assert (session.place, timezone.localtime(session.starts_at).day) == ("코엑스 회의실 A", 1)

    retry = mentor_client.post(url, posted(response.context["schedule_form"]) | {"part": "schedule"})

    assert retry.status_code == 302
    session.refresh_from_db()
    assert (session.place, timezone.localtime(session.starts_at).day) == ("온라인", 2)
