"""The briefing's assembly: every figure equals its source query; an empty platform gives a document that says
"no data" in each part; a quarter without a steering meeting still gets the report part."""

import datetime

import pytest
from django.utils import translation

from alliance.agencies.queries import accepted_reports
from alliance.events.queries import attendance, events_in
from alliance.events.queries.press import press_count
from alliance.info.queries.quarterly import quarter_figures
from alliance.members.statistics import status_table
from alliance.reports.queries.briefing import build_briefing, steering_meetings
from alliance.reports.queries.briefing.document import Briefing, Paragraph, Table
from alliance.reports.tests.briefing_world import build_world

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 2, 1)


@pytest.fixture(autouse=True)
def korean():
    with translation.override("ko"):
        yield


def figures(briefing: Briefing) -> dict[str, str]:
    return {figure.label: figure.value for figure in briefing.figures}


def texts(section) -> list[str]:
    return [block.text for block in section.blocks if isinstance(block, Paragraph)]


def test_member_table_equals_member_stats_on_the_quarters_end():
    build_world()
    briefing = build_briefing(2025, 4, steering_meetings(2025, 4).last(), today=TODAY)
    assert briefing.as_of == datetime.date(2025, 12, 31)
    status = status_table(datetime.date(2025, 12, 31))
    members = briefing.section("members")
    table = members.tables()[0]
    expected = [
        str(status.count(key))
        for key in ("대기업", "중기업", "소기업", "기관·협단체", "기타(비영리)", "대학/산학협력단")
    ]
    assert table.rows == [[*expected, str(status.total.count)]]
    assert table.rows == [["1", "0", "2", "1", "0", "1", "5"]]
    assert [group[1] for group in table.groups] == [3, 2, 1, 1]
    assert table.groups[0][0] == "기업 (3개)"
    previous = status_table(datetime.date(2024, 12, 31)).total.count
    assert previous == 3
    assert texts(members) == ["’24년 대비 2개사 증가"]
    assert figures(briefing)["회원사 총합"] == "5"


def test_counts_equal_their_queries():
    steering, _sub_meeting = build_world()
    briefing = build_briefing(2025, 4, steering, today=TODAY)
    quarter = quarter_figures(2025, 4)
    values = figures(briefing)
    assert values["4분기 아카이브 보고서"] == str(quarter.reports_posted) == "2"
    assert values["2025년 아카이브 보고서"] == "3"
    assert values["4분기 발송한 뉴스레터"] == str(quarter.editions_sent) == "3"
    assert values["4분기 홈페이지 방문"] == f"{quarter.visits:,}" == "254,431"
    assert values["이번 분기 분과 회의"] == "1"
    assert values["유관기관 분기 보고서(승인)"] == str(accepted_reports(2025, 4).count()) == "1"
    agency = briefing.section("agency-RAPA")
    assert "3 정책 지원" in texts(agency)
    assert "프로젝트 그룹 최종심사 참여 (5개 그룹)" in texts(agency)
    seminar = events_in(datetime.date(2025, 10, 1), datetime.date(2025, 12, 31))[0]
    assert values["이번 분기 행사"] == "1"
    assert values["2025 분과통합 공개세미나 참석자"] == str(attendance(seminar).checked_in) == "3"
    assert (
        values["이번 분기 언론 보도"]
        == str(press_count(datetime.date(2025, 10, 1), datetime.date(2025, 12, 31)))
        == "2"
    )
    events = briefing.section("events")
    assert "(참석) 3명 참석 (등록 4명)" in texts(events)
    assert events.tables()[0].rows == [["기업", "2"], ["대학·산학협력단", "1"]]
    appendix = briefing.section("appendix").tables()[0]
    assert len(appendix.rows) == len(briefing.figures)
    assert all(row[3] and row[4] for row in appendix.rows)  # every figure: an as-of date and a source


def test_the_steering_meetings_parts_come_from_its_pack():
    steering, sub_meeting = build_world()
    briefing = build_briefing(2025, 4, steering, today=TODAY)
    assert briefing.title == "2025년 메타버스 얼라이언스 제4차 운영위원회 자료"
    assert briefing.subtitle == "(2025. 11. 26., 메타버스 얼라이언스 사무국)"
    attendance = briefing.section("attendance")
    assert attendance.heading.startswith("□ 대상 인원")
    assert len(attendance.tables()[0].rows) == 4
    timetable = briefing.section("timetable").tables()[0]
    assert timetable.rows[0][0] == "15:00~15:20"
    report = briefing.section(f"subcommittee-{sub_meeting.pk}")
    assert "교육 분야 사례 공유" in texts(report)


def test_an_empty_platform_says_no_data_in_every_part():
    briefing = build_briefing(2025, 4, None, today=TODAY)
    assert briefing.meeting_id is None
    for section in briefing.sections:
        if section.key == "report":  # the agenda item's heading: its parts follow
            continue
        assert section.blocks, section.key
    assert "이번 분기에는 운영위원회 회의가 없습니다" in texts(briefing.section("overview"))[0]
    assert texts(briefing.section("events")) == ["이번 분기에 기록된 행사가 없습니다."]
    assert texts(briefing.section("agencies")) == ["이번 분기에 승인된 유관기관 보고서가 없습니다."]
    assert briefing.section("members").tables()[0].rows == [["0"] * 7]


def test_a_running_quarter_counts_to_today():
    briefing = build_briefing(2025, 4, None, today=datetime.date(2025, 11, 26))
    assert briefing.as_of == datetime.date(2025, 11, 26)
    assert {figure.as_of for figure in briefing.figures} <= {datetime.date(2025, 11, 26), datetime.date(2024, 12, 31)}


def test_round_trip_through_a_dict():
    steering, _ = build_world()
    briefing = build_briefing(2025, 4, steering, today=TODAY)
    again = Briefing.from_dict(briefing.as_dict())
    assert again == briefing
    assert isinstance(again.section("members").blocks[0], Table)
