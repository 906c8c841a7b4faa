import io

import pytest
from docx import Document

from alliance.core.tests.pdf_reading import text_layer
from alliance.governance.documents.docx_builders import meeting_pack_docx, minutes_docx, year_minutes_docx
from alliance.governance.documents.pdfs import meeting_pack_pdf, minutes_pdf
from alliance.governance.queries.attendance_table import attendance_table
from alliance.governance.queries.minutes import version_content
from alliance.governance.services import minutes as service
from alliance.governance.tests.seed_meeting import seed_steering_meeting

pytestmark = pytest.mark.django_db

HEADING = "□ 대상 인원 : 총 16명(참석 11명/불참 5명)"
ROSTER = [
    ["구분", "소속", "이름", "직급", "비고", "참석"],
    ["정부", "과학기술정보통신부", "정과장", "과장", "", "○"],
    ["학계·연구계", "가온대학교", "유위원", "교수", "위원장", "○"],
    ["학계·연구계", "의료메타버스학회 (나래대학교)", "유학회", "학회장 (교수)", "", "×"],
    ["학계·연구계", "법무법인 다온", "송변호", "변호사", "윤리제도 분과장", "×"],
    ["학계·연구계", "라온대학교", "윤교수", "교수", "기술표준 분과장", "○"],
    ["산업계", "마루랩", "정대표", "대표", "미래전략 분과장", "○"],
    ["산업계", "메타버스협의회 (바다스튜디오)", "조회장", "회장 (대표)", "", "○ (대참 박기주 이사)"],
    ["산업계", "사랑유플러스", "김랩장", "랩장", "", "×"],
    ["산업계", "아라제트", "한리드", "리드", "", "○"],
    ["유관기관", "한국전파진흥협회", "성본부", "본부장", "인재양성 분과장", "○"],
    ["유관기관", "한국메타버스산업협회", "최부회", "상근부회장", "", "○"],
    ["유관기관", "정보통신산업진흥원", "이본부", "본부장", "", "○"],
    ["유관기관", "한국인공지능 소프트웨어산업협회", "김본부", "본부장", "", "×"],
    ["유관기관", "정보통신기획평가원", "이피엠", "PM", "", "○ (대참 이금희 팀장)"],
    ["유관기관", "소프트웨어정책연구소", "최실장", "실장", "", "○"],
    ["유관기관", "글로벌메타버스협의회", "윤회장", "회장", "", "×"],
]
OBSERVERS = "※ 과기정통부 디지털콘텐츠과 김하늘 사무관/이바다 주무관 배석"
TIMETABLE = [
    ["시간", "분", "주요 내용", "비고"],
    ["15:00~15:05", "05'", "참석자 소개 및 회의 안내", "사무국"],
    ["15:05~15:15", "10'", "인사 말씀", "의장, 디콘과 과장"],
    ["15:15~15:40", "25'", "(안건 1) '25년 메타버스 얼라이언스 4/4분기 보고", "사무국 유관기관"],
    ["15:40~15:45", "05'", "휴식", ""],
    ["15:45~16:05", "20'", "(안건 2) 각 분과별 현황 보고", "분과장"],
    ["16:05~16:10", "05'", "(안건 3) 얼라이언스 의장 연임 건", "사무국"],
    ["16:10~16:20", "10'", "기념 촬영 및 마무리", "참석자"],
]


def _cells(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_the_attendance_table_counts_substitutes_as_present_and_lists_observers_apart():
    table = attendance_table(seed_steering_meeting())
    assert (table.total, table.present, table.absent) == (16, 11, 5)
    assert table.heading == "대상 인원 : 총 16명(참석 11명/불참 5명)"
    assert [group.sector for group in table.groups] == ["정부", "학계·연구계", "산업계", "유관기관"]
    assert table.observers == OBSERVERS


def test_the_meeting_pack_docx_is_the_first_pages_of_seed_001():
    document = Document(io.BytesIO(meeting_pack_docx(seed_steering_meeting())))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[:9] == [
        "2025년 메타버스 얼라이언스 제4차 운영위원회 자료",
        "(2025. 11. 26.(수), 메타버스 얼라이언스 사무국)",
        "□ 회의 개요",
        "(일시/장소) 2025. 11. 26.(수) 15:00~16:20 / K-META 대회의실(서울 강남)",
        "(참석자) 총 11명 (오프라인 11명/온라인 0명)",
        "□ 논의 내용",
        "(안건 1) '25년 메타버스 얼라이언스 4/4분기 보고",
        "(안건 2) 각 분과별 현황 보고",
        "(안건 3) 얼라이언스 의장 연임 건",
    ]
    assert paragraphs[9:11] == ["□ 세부 일정", HEADING]
    assert paragraphs[-1] == OBSERVERS
    timetable, roster = document.tables
    assert _cells(timetable) == TIMETABLE
    assert _cells(roster) == ROSTER
    # The sector cell is one merged cell down its group (학계·연구계: rows 2–5), as in the seed.
    assert roster.cell(2, 0)._tc is roster.cell(5, 0)._tc
    assert roster.cell(6, 0)._tc is roster.cell(9, 0)._tc
    assert roster.cell(1, 0)._tc is not roster.cell(2, 0)._tc


def test_the_meeting_pack_pdf_shows_the_same_text():
    text = text_layer(meeting_pack_pdf(seed_steering_meeting()))
    for expected in [
        "(일시/장소) 2025. 11. 26.(수) 15:00~16:20 / K-META 대회의실(서울 강남)",
        HEADING,
        "○ (대참 박기주 이사)",
        "윤리제도 분과장",
        "(안건 2) 각 분과별 현황 보고",
        "15:45~16:05",
        OBSERVERS,
    ]:
        assert expected in text


def _confirmed_minutes(staff_user, meeting):
    import datetime

    from django.utils import timezone

    minutes = service.start_minutes(actor=staff_user, meeting=meeting)
    version = minutes.versions.get()
    item = version.items.get(order=3)
    service.update_item(
        actor=staff_user,
        item=item,
        title=item.title,
        discussion="운영위원장 및 분과위원장 임기 1년 연장에 대한 동의",
        decisions=[],
        presentations=[],
        action_items=[
            {"description": "임기 연장 통보", "owner": "사무국", "due_on": datetime.date(2025, 12, 5), "done": False}
        ],
    )
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    service.move(actor=staff_user, version=version, step=service.CIRCULATE, comments_due=tomorrow)
    service.move(actor=staff_user, version=version, step=service.CONFIRM)
    return version


def test_the_minutes_docx_and_pdf_hold_each_item(staff_user):
    meeting = seed_steering_meeting()
    version = version_content(_confirmed_minutes(staff_user, meeting))
    document = Document(io.BytesIO(minutes_docx(version)))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0] == "2025년 메타버스 얼라이언스 제4차 운영위원회 회의결과"
    start = paragraphs.index("○ (안건 3) 얼라이언스 의장 연임 건")
    assert paragraphs[start + 1 : start + 3] == [
        "운영위원장 및 분과위원장 임기 1년 연장에 대한 동의",
        "(후속 조치) 임기 연장 통보: 사무국, 2025. 12. 5.까지",
    ]
    text = text_layer(minutes_pdf(version))
    assert "운영위원장 및 분과위원장 임기 1년 연장에 대한 동의" in text


def test_a_year_of_confirmed_minutes_compiles_into_one_docx(staff_user):
    meeting = seed_steering_meeting()
    _confirmed_minutes(staff_user, meeting)
    document = Document(io.BytesIO(year_minutes_docx(meeting.body)))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0] == "2025년 운영위원회 연간 회의록"
    assert "2025년 메타버스 얼라이언스 제4차 운영위원회 회의결과" in paragraphs
