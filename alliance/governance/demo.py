"""Demo governance (`demo_data`): the 2025 and 2026 steering committee and subcommittees as in the seeds'
structure, with synthetic people (never the seeds' real names).

2025: 운영위원회 + 미래전략, 인재양성, 기술표준, 윤리제도; four steering meetings, the fourth on 2025-11-26 with
16 seats (11 present, 2 of them by substitute, 5 absent) and the chair's re-appointment (의장 연임건) extending
the chair's term by a year; 미래전략 and 윤리제도 meet a fourth time in Oct–Nov (AUTUMN_2025).
기술표준 is abolished at the end of 2025; 2026 starts as a copy of 2025, renames
미래전략 to 차세대기술전략 and adds 상생협력. Demo logins: the member representative who is also a steering member
(member-steering@) chairs 상생협력 in 2026 and so sits on the steering committee ex officio; the steering login
holds a seat in both years; the subcommittee login sits on 윤리제도; the member login's company takes part in 윤리제도.

Other governance areas (agendas, minutes, proposals) add their parts in their own functions below, called from
`load_demo`.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from alliance.core.models import User
from alliance.governance import demo_meetings, demo_minutes, demo_proposals
from alliance.governance.models import (
    Attendance,
    AttendanceStatus,
    Body,
    BodyKind,
    Decision,
    DecisionEffect,
    DecisionMethod,
    DecisionOutcome,
    Meeting,
    MeetingFormat,
    Position,
    Sector,
)
from alliance.governance.rules import active_seat_q
from alliance.governance.services import bodies as service
from alliance.members.models import Organisation

LAST_YEAR, YEAR = 2025, 2026
STEERING = "운영위원회"
SUBCOMMITTEES_2025 = ("미래전략", "인재양성", "기술표준", "윤리제도")
PLACE = "메타버스 얼라이언스 사무국 회의실"
STEERING_LOGIN, SUBCOMMITTEE_LOGIN, MEMBER_LOGIN = (
    "steering@demo.alliance.kr",
    "subcommittee@demo.alliance.kr",
    "member@demo.alliance.kr",
)
# A member company's representative who also holds the steering role: the 2026 상생협력 chair (ex officio on
# the steering committee). The member login stands in when the demo logins have no such account.
CHAIR_LOGIN = "member-steering@demo.alliance.kr"

# The 2025 steering committee as the seed's roster is built (sector, affiliation, job title, the
# subcommittee chaired), with synthetic names. The fourth meeting's attendance: "○", "×" or a substitute.
STEERING_2025 = (
    ("정부", "과학기술정보통신부", "한서준", "과장", None, "○"),
    ("학계·연구계", "가온대학교", "김도윤", "교수", "chair", "○"),
    ("학계·연구계", "디지털의료학회 (한빛대학교)", "박지후", "학회장 (교수)", None, "×"),
    ("학계·연구계", "법무법인 누리", "최서아", "변호사", "윤리제도", "×"),
    ("학계·연구계", "새봄대학교", "정하람", "교수", "기술표준", "○"),
    ("산업계", "누리메타랩", "강민재", "대표", "미래전략", "○"),
    ("산업계", "메타버스기업협의회 (하늘스튜디오)", "조윤호", "회장 (대표)", None, "대참 임세린 이사"),
    ("산업계", "초록텔레콤", "윤가은", "랩장", None, "×"),
    ("산업계", "별빛월드", "장태오", "리드", None, "○"),
    ("유관기관", "한국전파진흥협회", "임채원", "본부장", "인재양성", "○"),
    ("유관기관", "한국메타버스산업협회", "오승민", "상근부회장", None, "○"),
    ("유관기관", "정보통신산업진흥원", "서다인", "본부장", None, "○"),
    ("유관기관", "한국소프트웨어산업협회", "신유찬", "본부장", None, "×"),
    ("유관기관", "정보통신기획평가원", "홍나윤", "PM", None, "대참 문가온 팀장"),
    ("유관기관", "소프트웨어정책연구소", "권도현", "실장", None, "○"),
    ("유관기관", "글로벌메타버스포럼", "배수아", "회장", None, "×"),
)
OBSERVERS = (("과학기술정보통신부", "남예린", "사무관"), ("과학기술정보통신부", "유시온", "주무관"))
SUBCOMMITTEE_MEMBERS = {
    "미래전략": (("산업계", "파랑소프트", "이준서", "이사"), ("학계·연구계", "가온대학교", "문채윤", "부교수")),
    "인재양성": (("학계·연구계", "새봄대학교", "황지안", "교수"), ("산업계", "모두에듀", "송하린", "팀장")),
    "기술표준": (("학계·연구계", "한국표준연구소", "노은우", "책임연구원"), ("산업계", "초록텔레콤", "구다온", "수석")),
    "윤리제도": (("학계·연구계", "법무법인 누리", "전서윤", "변호사"), ("산업계", "별빛월드", "안도윤", "실장")),
}
PLANS = {
    STEERING: (
        ("3월", "연간 운영계획 승인"),
        ("6월", "상반기 운영 실적 보고"),
        ("9월", "3/4분기 운영 실적 보고"),
        ("11월", "연간 성과 보고 및 차년도 계획"),
    ),
    "subcommittee": (
        ("4~5월", "분과 운영 방향 및 연간 과제 논의"),
        ("6~7월", "과제별 추진 현황 공유"),
        ("8~9월", "연간 산출물(정책 제언 등) 검토"),
    ),
}
STEERING_DATES = {
    LAST_YEAR: (
        datetime.date(2025, 3, 19),
        datetime.date(2025, 6, 18),
        datetime.date(2025, 9, 17),
        datetime.date(2025, 11, 26),
    ),
    YEAR: (datetime.date(2026, 4, 22), datetime.date(2026, 7, 15), datetime.date(2026, 12, 16)),
}
SUBCOMMITTEE_DATES = {
    LAST_YEAR: (datetime.date(2025, 5, 14), datetime.date(2025, 7, 9), datetime.date(2025, 9, 3)),
    YEAR: (datetime.date(2026, 5, 13), datetime.date(2026, 7, 8), datetime.date(2026, 12, 9)),
}
# Two 2025 subcommittees met once more in the fourth quarter (the demo's 2025 Q4 steering briefing reports them):
# (body, day, planned period, topics). Added after the 2026 copy, so the 2026 bodies do not inherit them.
AUTUMN_2025 = (
    ("미래전략", datetime.date(2025, 10, 22), "10월", "연간 활동 결과 정리 및 차년도 과제 논의"),
    ("윤리제도", datetime.date(2025, 11, 12), "11월", "가상융합 윤리 가이드 초안 검토 및 차년도 과제 논의"),
)
SECTORS = {
    "정부": Sector.GOVERNMENT,
    "학계·연구계": Sector.ACADEMIA,
    "산업계": Sector.INDUSTRY,
    "유관기관": Sector.AGENCY,
}


def _whole_year(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def _user(email: str) -> User | None:
    return User.objects.filter(email=email).first()


def _person(sector: str, affiliation: str, name: str, title: str, *, user=None, organisation=None):
    person = service.find_or_create_person(
        name=name,
        sector=SECTORS[sector],
        affiliation=affiliation,
        organisation=organisation,
        title=title,
        email="",
        by=None,
    )
    if user is not None and person.user_id is None:
        person.user = user
        person.save(update_fields=["user"])
    return person


def _seat(body: Body, person, position: str, *, observer: bool = False):
    start, end = _whole_year(body.year)
    return service.add_seat(
        body=body, person=person, position=position, term_start=start, term_end=end, is_observer=observer, by=None
    )


def _plan(body: Body) -> list[Meeting]:
    plan = PLANS[STEERING] if body.kind == BodyKind.STEERING else PLANS["subcommittee"]
    plan = plan[: body.meetings_planned]
    return [
        Meeting.objects.create(body=body, number=number, planned_period=period, planned_topics=topics)
        for number, (period, topics) in enumerate(plan, start=1)
    ]


def _schedule(meeting: Meeting, day: datetime.date) -> None:
    meeting.date, meeting.starts_at, meeting.ends_at = day, datetime.time(15, 0), datetime.time(17, 0)
    meeting.place, meeting.format = PLACE, MeetingFormat.HYBRID
    meeting.save()


def _record_attendance(meeting: Meeting, marks: dict[int, str] | None = None) -> None:
    """Attendance of the voting seats active on the day: `marks` (seat id → "○", "×", "대참 name title") or
    everyone present but every fifth seat absent."""
    rows = []
    seats = meeting.body.seats.filter(active_seat_q(meeting.date), is_observer=False).order_by("order", "pk")
    for index, seat in enumerate(seats):
        mark = (marks or {}).get(seat.pk, "×" if index % 5 == 4 else "○")
        if mark.startswith("대참"):
            _, name, title = mark.split(" ")
            rows.append(
                Attendance(
                    meeting=meeting,
                    seat=seat,
                    status=AttendanceStatus.SUBSTITUTE,
                    substitute_name=name,
                    substitute_title=title,
                )
            )
        else:
            status = AttendanceStatus.PRESENT if mark == "○" else AttendanceStatus.ABSENT
            rows.append(Attendance(meeting=meeting, seat=seat, status=status))
    Attendance.objects.bulk_create(rows)
    meeting.attendance_recorded_at = timezone.make_aware(datetime.datetime.combine(meeting.date, datetime.time(17, 0)))
    meeting.save(update_fields=["attendance_recorded_at"])


def _year_2025() -> tuple[Body, dict]:
    steering = service.create_body(
        year=LAST_YEAR,
        name=STEERING,
        kind=BodyKind.STEERING,
        by=None,
        order=0,
        meetings_planned=4,
        description="메타버스 얼라이언스의 운영 방향과 주요 사항을 심의·의결합니다.",
    )
    subcommittees = {
        name: service.create_body(
            year=LAST_YEAR, name=name, kind=BodyKind.SUBCOMMITTEE, by=None, order=order, meetings_planned=3
        )
        for order, name in enumerate(SUBCOMMITTEES_2025, start=1)
    }
    marks = {}
    for sector, affiliation, name, title, role, mark in STEERING_2025:
        user = _user(STEERING_LOGIN) if name == "오승민" else None
        person = _person(sector, affiliation, name, title, user=user)
        if role in subcommittees:
            chair = _seat(subcommittees[role], person, Position.SUBCOMMITTEE_CHAIR)
            seat = chair.ex_officio_seats.get()
        else:
            seat = _seat(steering, person, Position.CHAIR if role == "chair" else Position.MEMBER)
        marks[seat.pk] = mark
    for affiliation, name, title in OBSERVERS:
        _seat(steering, _person("정부", affiliation, name, title), Position.MEMBER, observer=True)
    for body_name, members in SUBCOMMITTEE_MEMBERS.items():
        for sector, affiliation, name, title in members:
            user = _user(SUBCOMMITTEE_LOGIN) if name == "전서윤" else None
            _seat(subcommittees[body_name], _person(sector, affiliation, name, title, user=user), Position.MEMBER)
    for body in (steering, *subcommittees.values()):
        dates = STEERING_DATES[LAST_YEAR] if body.kind == BodyKind.STEERING else SUBCOMMITTEE_DATES[LAST_YEAR]
        for meeting, day in zip(_plan(body), dates, strict=False):
            _schedule(meeting, day)
            _record_attendance(meeting, marks if meeting.number == 4 and body == steering else None)
    return steering, subcommittees


def _chair_reappointed(steering: Body) -> Decision:
    """The fourth meeting's 의장 연임건 (운영규정 제3조②4): the chair's term extended by one year."""
    meeting = steering.meetings.get(number=4)
    decision = Decision.objects.create(
        meeting=meeting,
        motion="운영위원회 의장 연임의 건 (운영규정 제3조②4에 따라 임기 1년 연장)",
        method=DecisionMethod.CONSENSUS,
        outcome=DecisionOutcome.ADOPTED,
        effect=DecisionEffect.EXTEND_TERMS,
        recorded_at=timezone.make_aware(datetime.datetime(2025, 11, 26, 17, 0)),
    )
    service.extend_terms(seats=[steering.seats.get(position=Position.CHAIR)], decision=decision, by=None)
    return decision


def _year_2026(subcommittees_2025: dict) -> dict:
    service.update_body(body=subcommittees_2025["기술표준"], by=None, abolished_on=datetime.date(2025, 12, 31))
    service.copy_year(year=LAST_YEAR, by=None)
    bodies = {body.name: body for body in Body.objects.filter(year=YEAR)}
    steering = bodies[STEERING]
    service.update_body(body=steering, by=None, meetings_planned=3)
    steering.meetings.filter(number=4).delete()  # 2026 has three steering meetings
    service.update_body(body=bodies["미래전략"], by=None, name="차세대기술전략")
    bodies["차세대기술전략"] = bodies.pop("미래전략")
    cooperation = service.create_body(
        year=YEAR,
        name="상생협력",
        kind=BodyKind.SUBCOMMITTEE,
        by=None,
        order=5,
        meetings_planned=3,
        description="표준계약서·표준약관 개정안을 마련합니다.",
    )
    bodies["상생협력"] = cooperation
    _plan(cooperation)
    chair_user = _user(CHAIR_LOGIN) or _user(MEMBER_LOGIN)
    organisation = chair_user.organisation if chair_user else None
    chair = _person(
        "산업계",
        organisation.name if organisation else "상생테크",
        "류현우",
        "대표",
        user=chair_user,
        organisation=organisation,
    )
    _seat(cooperation, chair, Position.SUBCOMMITTEE_CHAIR)
    _seat(cooperation, _person("학계·연구계", "가온대학교", "문채윤", "부교수"), Position.MEMBER)
    for body in bodies.values():
        dates = STEERING_DATES[YEAR] if body.kind == BodyKind.STEERING else SUBCOMMITTEE_DATES[YEAR]
        for meeting, day in zip(body.meetings.order_by("number"), dates, strict=False):
            _schedule(meeting, day)
            if day < timezone.localdate():
                _record_attendance(meeting)
    return bodies


def _autumn_2025(subcommittees_2025: dict) -> int:
    """The fourth-quarter meetings of AUTUMN_2025, held: scheduled, attendance recorded (agendas and confirmed
    minutes follow from demo_meetings and demo_minutes, as for the other held 2025 meetings)."""
    for name, day, period, topics in AUTUMN_2025:
        body = subcommittees_2025[name]
        number = body.meetings.count() + 1
        meeting = Meeting.objects.create(body=body, number=number, planned_period=period, planned_topics=topics)
        _schedule(meeting, day)
        _record_attendance(meeting)
    return len(AUTUMN_2025)


def _participants(bodies: dict) -> int:
    """Member companies taking part in the 2026 open subcommittees (the member login's company in 윤리제도)."""
    companies = list(Organisation.objects.filter(withdrawn_on__isnull=True).order_by("pk")[:40])
    member_user = _user(MEMBER_LOGIN)
    count = 0
    for index, company in enumerate(companies):
        body = bodies[("차세대기술전략", "윤리제도", "인재양성", "상생협력")[index % 4]]
        service.join_subcommittee(body=body, organisation=company, by=None)
        count += 1
    if member_user and member_user.organisation_id:
        service.join_subcommittee(body=bodies["윤리제도"], organisation=member_user.organisation, by=member_user)
    return count


def _bodies_and_seats() -> str:
    steering_2025, subcommittees_2025 = _year_2025()
    _chair_reappointed(steering_2025)
    bodies_2026 = _year_2026(subcommittees_2025)
    _autumn_2025(subcommittees_2025)
    joined = _participants(bodies_2026)
    return (
        f"회의체: {LAST_YEAR}년 {1 + len(subcommittees_2025)}개"
        "(운영위원회 16석, 제4차 회의 참석 11명/불참 5명, 의장 연임), "
        f"{YEAR}년 {len(bodies_2026)}개, 분과 참여 회원사 {joined}개사"
    )


def load_demo(*, seed: int) -> str:
    """The demo's governance; each governance area adds its part after the bodies and seats."""
    if Body.objects.filter(year__in=(LAST_YEAR, YEAR)).exists():
        return "회의체 데모가 이미 있습니다."
    with transaction.atomic():
        parts = [_bodies_and_seats()]
        parts.append(_meetings(seed))
        parts.append(demo_proposals.load(seed=seed))
        parts.append(demo_minutes.load())  # minutes: after the meetings and their agendas
    return " · ".join(parts)


# ---- meetings: agendas in the seeds' timetables, replies to the meetings ahead -----------------------------------


def _meetings(seed: int) -> str:
    return demo_meetings.load(seed=seed)
