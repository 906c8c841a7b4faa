"""Seed 001's 2025 4th steering meeting with synthetic people: 16 seats across the four sectors (11 present, two
of them by a substitute, 5 absent), subcommittee chairs ex officio, two ministry observers, and the seed's
timetable. Used by the document and attendance-table tests."""

import datetime

from django.utils import timezone

from alliance.governance.models import AgendaItemKind, AttendanceStatus, Position, Sector
from alliance.governance.tests.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    BodyFactory,
    MeetingFactory,
    PersonFactory,
    SeatFactory,
    SubcommitteeFactory,
)

P, A, S = AttendanceStatus.PRESENT, AttendanceStatus.ABSENT, AttendanceStatus.SUBSTITUTE
# sector, affiliation, name, title, position, chair of (subcommittee), attendance, substitute
SEATS = [
    (Sector.GOVERNMENT, "과학기술정보통신부", "정과장", "과장", Position.MEMBER, "", P, ""),
    (Sector.ACADEMIA, "가온대학교", "유위원", "교수", Position.CHAIR, "", P, ""),
    (Sector.ACADEMIA, "의료메타버스학회 (나래대학교)", "유학회", "학회장 (교수)", Position.MEMBER, "", A, ""),
    (Sector.ACADEMIA, "법무법인 다온", "송변호", "변호사", Position.MEMBER, "윤리제도", A, ""),
    (Sector.ACADEMIA, "라온대학교", "윤교수", "교수", Position.MEMBER, "기술표준", P, ""),
    (Sector.INDUSTRY, "마루랩", "정대표", "대표", Position.MEMBER, "미래전략", P, ""),
    (Sector.INDUSTRY, "메타버스협의회 (바다스튜디오)", "조회장", "회장 (대표)", Position.MEMBER, "", S, "박기주 이사"),
    (Sector.INDUSTRY, "사랑유플러스", "김랩장", "랩장", Position.MEMBER, "", A, ""),
    (Sector.INDUSTRY, "아라제트", "한리드", "리드", Position.MEMBER, "", P, ""),
    (Sector.AGENCY, "한국전파진흥협회", "성본부", "본부장", Position.MEMBER, "인재양성", P, ""),
    (Sector.AGENCY, "한국메타버스산업협회", "최부회", "상근부회장", Position.MEMBER, "", P, ""),
    (Sector.AGENCY, "정보통신산업진흥원", "이본부", "본부장", Position.MEMBER, "", P, ""),
    (Sector.AGENCY, "한국인공지능 소프트웨어산업협회", "김본부", "본부장", Position.MEMBER, "", A, ""),
    (Sector.AGENCY, "정보통신기획평가원", "이피엠", "PM", Position.MEMBER, "", S, "이금희 팀장"),
    (Sector.AGENCY, "소프트웨어정책연구소", "최실장", "실장", Position.MEMBER, "", P, ""),
    (Sector.AGENCY, "글로벌메타버스협의회", "윤회장", "회장", Position.MEMBER, "", A, ""),
]
TIMETABLE = [
    (AgendaItemKind.OTHER, "참석자 소개 및 회의 안내", 5, "사무국"),
    (AgendaItemKind.OTHER, "인사 말씀", 10, "의장, 디콘과 과장"),
    (AgendaItemKind.ITEM, "'25년 메타버스 얼라이언스 4/4분기 보고", 25, "사무국 유관기관"),
    (AgendaItemKind.BREAK, "휴식", 5, ""),
    (AgendaItemKind.ITEM, "각 분과별 현황 보고", 20, "분과장"),
    (AgendaItemKind.ITEM, "얼라이언스 의장 연임 건", 5, "사무국"),
    (AgendaItemKind.OTHER, "기념 촬영 및 마무리", 10, "참석자"),
]


def seed_steering_meeting(*, recorded: bool = True):
    body = BodyFactory(year=2025, name="운영위원회")
    meeting = MeetingFactory(
        body=body,
        number=4,
        date=datetime.date(2025, 11, 26),
        starts_at=datetime.time(15, 0),
        ends_at=datetime.time(16, 20),
        place="K-META 대회의실(서울 강남)",
        attendance_recorded_at=timezone.now() if recorded else None,
    )
    for order, (kind, title, minutes, note) in enumerate(TIMETABLE, start=1):
        AgendaItemFactory(meeting=meeting, order=order, kind=kind, title=title, duration_minutes=minutes, note=note)
    for order, (sector, affiliation, name, title, position, chair_of, status, substitute) in enumerate(SEATS):
        person = PersonFactory(name=name, affiliation=affiliation, title=title, sector=sector)
        ex_officio = None
        if chair_of:
            subcommittee = SubcommitteeFactory(year=2025, name=chair_of)
            ex_officio = SeatFactory(body=subcommittee, person=person, position=Position.SUBCOMMITTEE_CHAIR)
        seat = SeatFactory(body=body, person=person, position=position, order=order, ex_officio_for=ex_officio)
        if recorded:
            sub_name, _space, sub_title = substitute.partition(" ")
            AttendanceFactory(
                meeting=meeting, seat=seat, status=status, substitute_name=sub_name, substitute_title=sub_title
            )
    for order, (name, title) in enumerate([("김하늘", "사무관"), ("이바다", "주무관")], start=20):
        person = PersonFactory(
            name=name, title=title, affiliation="과기정통부 디지털콘텐츠과", sector=Sector.GOVERNMENT
        )
        SeatFactory(body=body, person=person, is_observer=True, order=order)
    return meeting
