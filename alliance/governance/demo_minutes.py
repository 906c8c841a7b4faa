"""Demo minutes (`demo_data`, called from `demo.load_demo` after the bodies, meetings and agendas): the 2025
subcommittee meetings and the 2025 fourth steering meeting have confirmed minutes; the 2025 third steering
meeting's are circulated to its attendees for comments. Synthetic text and people, as in the seeds' form
(seed 001 회의 결과). No e-mail is sent: the states are set through the minutes service's moves.
"""

import datetime

from django.utils import timezone

from alliance.governance.models import BodyKind, Meeting, Minutes, MinutesItem
from alliance.governance.services import minutes as service

YEAR = 2025
DISCUSSION = [
    "분기별 회원사 현황과 주요 사업 실적 공유\n유관기관 연계 사업의 진행 상황 점검",
    "분과별 연간 활동 결과와 다음 해 추진 방향 논의\n정책 제언 초안에 대한 의견 수렴",
    "산업 현장의 사례 발표와 질의응답\n회원사 간 협력 방안 논의",
]
# The fourth steering meeting's items, found by a word of their title (seed 001 회의 결과).
STEERING_FOURTH = {
    "분기": "'25년 사무국 활동 보고: 회원사 1,138개사, 프로젝트 그룹 최종 평가(5개 그룹 선정)\n"
    "유관기관 4/4분기 활동 보고",
    "분과": "각 분과의 연간 활동 결과 공유: 사례 발표, 인재양성 방향, 보안 기술 동향, 플랫폼 사업자 신고 효율화",
    "성과공유회": "성과공유회 일정(12. 2.)과 참가 규모(150명 내외) 안내",
    "연임": "운영위원장 및 분과위원장 임기 1년 연장에 대한 동의",
    "가상융합": "'AI 전환과 가치이동 중심' 주제 발제와 질의응답",
}
PRESENTATIONS = [
    ("메타버스 기반 교육 서비스", "김하람 부장", "가람에듀"),
    ("디지털트윈 기반 에너지 플랜트 공정 최적화", "남도윤 이사", "누리플랜트"),
    ("디지털 치료제 사례", "김서진 부장", "다솜헬스"),
]


def _ensure_items(version, meeting: Meeting) -> list[MinutesItem]:
    """The generated items, or (a meeting without an agenda) one item per planned topic."""
    items = list(version.items.order_by("order"))
    if items:
        return items
    topics = [line.strip("-· ") for line in meeting.planned_topics.splitlines() if line.strip("-· ")]
    for topic in topics or ["회의 안건"]:
        service.add_item(actor=None, version=version, title=topic)
    return list(version.items.order_by("order"))


def _fill(version, meeting: Meeting) -> None:
    steering_fourth = meeting.body.kind == BodyKind.STEERING and meeting.number == 4
    for index, item in enumerate(_ensure_items(version, meeting)):
        discussion = DISCUSSION[index % len(DISCUSSION)]
        if steering_fourth:
            discussion = next((text for word, text in STEERING_FOURTH.items() if word in item.title), discussion)
        presentations = [
            {"title": p.title, "presenter": p.presenter, "affiliation": p.affiliation} for p in item.presentations.all()
        ]
        if not steering_fourth and meeting.body.kind == BodyKind.SUBCOMMITTEE and index == 0 and not presentations:
            presentations = [{"title": t, "presenter": n, "affiliation": a} for t, n, a in PRESENTATIONS]
        actions = []
        if index == 0:
            due = (meeting.date or timezone.localdate()) + datetime.timedelta(days=14)
            actions = [{"description": "논의 결과 자료 회원사 공유", "owner": "사무국", "due_on": due, "done": True}]
        service.update_item(
            actor=None,
            item=item,
            title=item.title,
            discussion=discussion,
            decisions=list(item.decisions.all()),
            presentations=presentations,
            action_items=actions,
        )


def _write(meeting: Meeting, *, confirm: bool) -> None:
    version = service.start_minutes(actor=None, meeting=meeting).versions.get()
    _fill(version, meeting)
    today = timezone.localdate()
    due = today if confirm else today + datetime.timedelta(days=14)
    service.move(actor=None, version=version, step=service.CIRCULATE, comments_due=due)
    if confirm:
        service.move(actor=None, version=version, step=service.CONFIRM)


def load() -> str:
    if Minutes.objects.filter(meeting__body__year=YEAR).exists():
        return "회의록 데모가 이미 있습니다."
    held = Meeting.objects.filter(body__year=YEAR, attendance_recorded_at__isnull=False).select_related("body")
    confirmed = circulated = 0
    for meeting in held.order_by("body__order", "number"):
        steering = meeting.body.kind == BodyKind.STEERING
        if steering and meeting.number == 3:
            _write(meeting, confirm=False)
            circulated += 1
        elif not steering or meeting.number == 4:
            _write(meeting, confirm=True)
            confirmed += 1
    return f"회의록 {confirmed}건 확정, {circulated}건 의견 수렴 중"
