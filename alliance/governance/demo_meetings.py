"""Demo agendas and replies for the demo meetings (the `meetings` area), called from `demo.py`.

The agendas follow the seeds' timetables: the steering committee's 2025 fourth meeting (seed 001, 15:00~17:00)
and 2026 first meeting (seed 000, 14:00~16:10), and for the subcommittees seed 001's three presentations.
Meetings ahead get replies from about half of their seats (some by a substitute); the 2025 fourth meeting,
once its attendance is recorded, gets the chair re-appointment decision (제3조②4) when it has none. Synthetic
presenters, never the seeds' real names. Idempotent: a meeting that already has an agenda keeps it.
"""

import random

from django.db import transaction
from django.utils import timezone

from alliance.governance.models import (
    AgendaItem,
    BodyKind,
    Decision,
    DecisionEffect,
    DecisionMethod,
    DecisionOutcome,
    Meeting,
    Position,
    Reply,
    ReplyAnswer,
)
from alliance.governance.queries.meetings import meeting_seats
from alliance.governance.services.meetings import refresh_end

OTHER, ITEM, BREAK = "other", "item", "break"
STEERING_2025_4 = [
    (OTHER, "참석자 소개 및 회의 안내", 5, "", "사무국"),
    (OTHER, "인사 말씀", 10, "", "의장, 디콘과 과장"),
    (
        ITEM,
        "'25년 메타버스 얼라이언스 4/4분기 보고",
        25,
        "유관기관 연계 및 기관별 발표, 프로젝트 그룹 최종 심사 결과 등",
        "사무국 유관기관",
    ),
    (BREAK, "휴식", 5, "", ""),
    (ITEM, "각 분과별 현황 보고", 20, "", "분과장"),
    (ITEM, "'25년 메타버스 얼라이언스 성과공유회 안내", 5, "", "사무국"),
    (ITEM, "얼라이언스 의장 연임 건", 5, "운영규정 제3조 2항 4", "사무국"),
    (ITEM, "가상융합의 진화와 의미 (AI 전환과 가치이동 중심)", 20, "", "한미래 박사"),
    (OTHER, "자유토의", 15, "", "참석자"),
    (OTHER, "기념 촬영 및 마무리", 10, "", "참석자"),
]
STEERING_2026_1 = [
    (OTHER, "참석자 소개 및 회의 안내", 5, "", "사무국"),
    (OTHER, "인사 말씀", 5, "", "의장"),
    (ITEM, "'26년도 메타버스 얼라이언스 운영계획 보고", 10, "", "사무국"),
    (ITEM, "유관기관 안건 보고", 20, "얼라이언스 연계 방안", "유관기관"),
    (ITEM, "분과 안건 보고", 20, "", "분과장"),
    (ITEM, "2026 CES 디브리핑", 20, "", "차세대기술전략 분과장"),
    (ITEM, "기타 토의", 40, "", "참석자"),
    (OTHER, "기념촬영 및 마무리", 10, "", "참석자"),
]
SUBCOMMITTEE = [
    (OTHER, "참석자 소개 및 회의 안내", 5, "", "얼라이언스 사무국"),
    (OTHER, "분과장 인사", 5, "", "분과장"),
    (ITEM, "(발제) 산업 현장의 메타버스 활용 사례", 30, "", "가상기업 김발표 부장"),
    (ITEM, "(발제) 디지털트윈 기반 공정 최적화", 30, "", "예시테크 이사례 이사"),
    (ITEM, "(발제) 분과 정책 제언 방향", 30, "", "분과 간사"),
    (OTHER, "자유토론 및 네트워킹", 20, "", ""),
]


def _agenda_for(meeting: Meeting):
    if meeting.body.kind == BodyKind.STEERING:
        return STEERING_2025_4 if (meeting.body.year, meeting.number) == (2025, 4) else STEERING_2026_1
    return SUBCOMMITTEE


def _add_agenda(meeting: Meeting) -> int:
    if meeting.agenda_items.exists():
        return 0
    rows = [
        AgendaItem(
            meeting=meeting, order=order, kind=kind, title=title, details=details, duration_minutes=minutes, note=note
        )
        for order, (kind, title, minutes, details, note) in enumerate(_agenda_for(meeting), start=1)
    ]
    AgendaItem.objects.bulk_create(rows)
    refresh_end(meeting)
    meeting.save(update_fields=["ends_at"])
    return len(rows)


def _add_replies(meeting: Meeting, rng: random.Random) -> int:
    if meeting.replies.exists():
        return 0
    replies = []
    for seat in meeting_seats(meeting):
        draw = rng.random()
        if draw < 0.45:
            continue  # not answered yet: the reminder's audience
        answer = ReplyAnswer.ATTENDING if draw < 0.8 else ReplyAnswer.ABSENT if draw < 0.92 else ReplyAnswer.SUBSTITUTE
        substitute = answer == ReplyAnswer.SUBSTITUTE
        replies.append(
            Reply(
                meeting=meeting,
                seat=seat,
                answer=answer,
                substitute_name="대리인" if substitute else "",
                substitute_title="팀장" if substitute else "",
                replied_at=timezone.now(),
            )
        )
    Reply.objects.bulk_create(replies)
    return len(replies)


def _chair_decision(meeting: Meeting) -> int:
    if meeting.attendance_recorded_at is None or meeting.decisions.exists():
        return 0
    item = meeting.agenda_items.filter(title__contains="의장 연임").first()
    decision = Decision.objects.create(
        meeting=meeting,
        agenda_item=item,
        motion="운영위원장 및 분과위원장 임기 1년 연장에 대한 동의",
        method=DecisionMethod.CONSENSUS,
        outcome=DecisionOutcome.ADOPTED,
        effect=DecisionEffect.EXTEND_TERMS,
        recorded_at=timezone.now(),
    )
    # Recorded, not applied again: the demo's 2026 seats (the year copy) already carry the renewed terms.
    chairs = meeting.body.seats.filter(position__in=[Position.CHAIR, Position.SUBCOMMITTEE_CHAIR])
    decision.seats.set(chairs)
    return 1


def load(*, seed: int = 0) -> str:
    """Agendas for every dated demo meeting, replies for those ahead, the 2025 chair decision."""
    rng = random.Random(seed)  # noqa: S311  demo data, not security
    today = timezone.localdate()
    items = replies = decisions = 0
    with transaction.atomic():
        for meeting in Meeting.objects.filter(date__isnull=False).select_related("body").order_by("date", "pk"):
            items += _add_agenda(meeting)
            if meeting.date >= today:
                replies += _add_replies(meeting, rng)
            if meeting.body.kind == BodyKind.STEERING and (meeting.body.year, meeting.number) == (2025, 4):
                decisions += _chair_decision(meeting)
    return f"회의 안건 {items}건, 참석 회신 {replies}건, 의결 {decisions}건"
