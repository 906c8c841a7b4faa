"""XLSX downloads of the lists staff work from: the investment day's board and a mentoring round's sessions
(Korean headers and labels, date cells, formula-like text kept as text, linked from their pages)."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.members.tests.factories import OrganisationFactory
from alliance.programs.models import DayCompany, Meeting, MentoringSession
from alliance.programs.services import investment_meetings as meetings_service
from alliance.programs.services import mentoring as mentoring_service
from alliance.programs.tests.factories import ProgrammeFactory, ProjectGroupFactory
from alliance.programs.tests.factories_investment import DayCompanyFactory, DeskFactory, InvestmentDayFactory

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _sheets(response) -> dict[str, list[tuple]]:
    workbook = load_workbook(io.BytesIO(response.content))
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets}


def _seoul(*args) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(*args))


def test_investment_board_downloads_its_meetings_and_grid_in_korean(client, staff_user):
    day = InvestmentDayFactory()
    desk = DeskFactory(day=day, firm="대성창업투자", person="김투자")
    other = DeskFactory(day=day, firm="누리벤처스", person="")
    group = ProjectGroupFactory(programme=day.programme, name="=HYPERLINK(1) 컨소시엄")
    company = DayCompanyFactory(day=day, organisation=group.lead)
    late = DayCompanyFactory(day=day, organisation=OrganisationFactory(name="늦은기업"))
    held = meetings_service.book_meeting(actor=None, desk=desk, company=company, slot="14:00")
    meetings_service.book_meeting(actor=None, desk=other, company=late, slot="14:20")
    cancelled = meetings_service.book_meeting(actor=None, desk=desk, company=late, slot="14:40")
    meetings_service.set_meeting_status(actor=None, meeting=held, status=Meeting.Status.HELD)
    meetings_service.set_meeting_status(actor=None, meeting=cancelled, status=Meeting.Status.CANCELLED)
    meetings_service.check_in(actor=None, company=company)
    DayCompany.objects.filter(pk=company.pk).update(checked_in_at=_seoul(2026, 11, 13, 13, 52))  # a whole minute
    client.force_login(staff_user)

    board = client.get(reverse("programs:investment_board", args=[day.programme.year]))
    response = client.get(reverse("programs:investment_board_xlsx", args=[day.programme.year]))

    url = reverse("programs:investment_board_xlsx", args=[day.programme.year])
    assert f'href="{url}"'.encode() in board.content
    assert response["Content-Type"] == XLSX
    assert response["Cache-Control"] == "private, no-store"
    # the programme's year: the factory's sequence, so it follows the tests run before this one
    assert f"filename*=UTF-8''{day.programme.year}%20%ED%88%AC%EC%9E%90" in response["Content-Disposition"]
    sheets = _sheets(response)
    assert list(sheets) == ["상담", "상담 일정표"]
    assert sheets["상담"] == [
        (
            "날짜",
            "시간",
            "투자사 구분",
            "투자사",
            "담당자",
            "기업",
            "프로젝트 그룹",
            "상태",
            "배정 방식",
            "도착 확인 시각",
        ),
        (
            datetime.datetime(2026, 11, 13),
            "14:00~14:15",
            "벤처캐피탈(VC)",
            "대성창업투자",
            "김투자",
            group.lead.name,
            "=HYPERLINK(1) 컨소시엄",
            "진행함",
            "사무국",
            datetime.datetime(2026, 11, 13, 13, 52),
        ),
        (
            datetime.datetime(2026, 11, 13),
            "14:20~14:35",
            "벤처캐피탈(VC)",
            "누리벤처스",
            None,
            "늦은기업",
            None,
            "예정",
            "사무국",
            None,
        ),
    ]
    assert sheets["상담 일정표"][:3] == [
        ("시간", "대성창업투자 김투자", "누리벤처스"),
        ("14:00~14:15", group.lead.name, "-"),
        ("14:20~14:35", "-", "늦은기업"),
    ]
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook["상담"]["G2"].data_type == "s"  # the group's formula-like name stays text
    assert workbook["상담"]["A2"].number_format == "yyyy-mm-dd"


def test_mentoring_round_downloads_its_sessions_with_the_feedback_staff_read(client, staff_user):
    programme = ProgrammeFactory()
    mentor = mentoring_service.add_mentor(
        actor=None, programme=programme, user=UserFactory(role=Role.EVALUATOR, name="박멘토"), field="제조·건설"
    )
    done = ProjectGroupFactory(programme=programme, name="가 컨소시엄")
    waiting = ProjectGroupFactory(programme=programme, name="나 컨소시엄")
    for group in (done, waiting):
        group.mentoring_field = "제조·건설"
        group.save(update_fields=["mentoring_field"])
    session = mentoring_service.match_mentor(actor=None, group=done, round_number=1, mentor=mentor)
    starts = _seoul(2026, 9, 3, 15, 0)
    mentoring_service.schedule_session(actor=None, session=session, starts_at=starts, place="온라인")
    mentoring_service.record_feedback(actor=mentor.user, session=session, feedback="-BM 검증 필요")
    MentoringSession.objects.filter(pk=session.pk).update(feedback_at=_seoul(2026, 9, 3, 17, 30))  # a whole minute
    client.force_login(staff_user)
    url = reverse("programs:mentoring_round_xlsx", args=[programme.pk, 1])

    page = client.get(reverse("programs:mentoring_round", args=[programme.pk, 1]))
    response = client.get(url)
    lacking = client.get(url + "?lacking=1")

    assert f'href="{url}"'.encode() in page.content
    assert response["Content-Type"] == XLSX
    rows = _sheets(response)["1차 멘토링"]
    assert rows == [
        (
            "멘토링 분야",
            "그룹",
            "주관기업",
            "멘토",
            "멘토링 일시",
            "장소 또는 화상회의 링크",
            "피드백",
            "피드백 기록 일시",
            "중간 결과물",
            "남은 일",
        ),
        (
            "제조·건설",
            "가 컨소시엄",
            done.lead.name,
            "박멘토",
            datetime.datetime(2026, 9, 3, 15, 0),
            "온라인",
            "-BM 검증 필요",
            datetime.datetime(2026, 9, 3, 17, 30),
            0,
            "완료",
        ),
        ("제조·건설", "나 컨소시엄", waiting.lead.name, None, None, None, None, None, 0, "멘토 배정"),
    ]
    assert [row[1] for row in _sheets(lacking)["1차 멘토링"]] == ["그룹", "나 컨소시엄"]
    cell = load_workbook(io.BytesIO(response.content))["1차 멘토링"]["G2"]
    assert (cell.data_type, cell.number_format) == ("s", "General")
    assert load_workbook(io.BytesIO(response.content))["1차 멘토링"]["E2"].number_format == "yyyy-mm-dd hh:mm"


def test_mentoring_round_download_of_a_round_that_does_not_exist_is_404(client, staff_user):
    client.force_login(staff_user)

    response = client.get(reverse("programs:mentoring_round_xlsx", args=[ProgrammeFactory().pk, 3]))

    assert response.status_code == 404
