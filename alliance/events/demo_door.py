"""The after-event's demo data for 2025 (called from events' demo once its events and check-ins exist): the
seminar's press coverage (seed 001: "총 88건 기사보도"), the
results-sharing day's award list (seed 001: 유공단체 3점, 자율규제 우수사업자 2점, 우수 프로젝트 그룹 5점) and its
IR pitching order (seed 001 "(세션3) 메타버스 분야 IR피칭 데모데이 14:00 ~ 17:20, 미팅룸(8층)")."""

import datetime
import itertools
import random

from alliance.events.models import Event, EventAward, EventKind, PitchSlot, PressArticle
from alliance.events.services import awards as award_service
from alliance.members.models import Organisation

YEAR = 2025
PRESS_TOTAL = 88
# The two articles seed 001 quotes, with their addresses; the rest are listed without one.
QUOTED = (
    ("데일리뉴스", datetime.date(2025, 11, 6), "메타버스 얼라이언스, AI 융합시대 산업 혁신 방향 제시",
     "https://www.idailynews.co.kr/news/articleView.html?idxno=105867"),
    ("내외뉴스통신", datetime.date(2025, 11, 6), "‘2025 메타버스 얼라이언스 분과통합 공개세미나’ 11월 13일 개최",
     "https://www.nbnnews.co.kr/news/articleView.html?idxno=987907"),
)  # fmt: skip
OUTLETS = (
    "전자신문", "디지털타임스", "아이뉴스24", "뉴시스", "머니투데이", "지디넷코리아", "이데일리", "뉴스1",
    "서울경제", "아시아경제", "헤럴드경제", "파이낸셜뉴스", "이투데이", "베타뉴스", "테크월드뉴스", "디지털데일리",
    "IT조선", "블로터", "벤처스퀘어", "데일리뉴스", "내외뉴스통신", "한국경제TV",
)  # fmt: skip
HEADLINES = (
    "메타버스 얼라이언스, 킨텍스서 분과통합 공개세미나 개최",
    "AI 융합 메타버스 산업 전략 논의… 분과통합 공개세미나 열려",
    "메타버스 얼라이언스, 투자·법률 상담회 함께 운영",
    "가상융합산업 인재양성·표준화 현황 공유",
    "메타버스 얼라이언스 4개 분과 연간 성과 발표",
)
STAFF_AWARDS = (
    (EventAward.Category.MERIT, "디지털콘텐츠산업진흥 유공단체 표창", "과학기술정보통신부 장관"),
    (EventAward.Category.MERIT, "디지털콘텐츠산업진흥 유공단체 표창", "과학기술정보통신부 장관"),
    (EventAward.Category.MERIT, "디지털콘텐츠산업진흥 유공단체 표창", "과학기술정보통신부 장관"),
    (EventAward.Category.SELF_REGULATION, "메타버스 자율규제 우수사업자", "과학기술정보통신부 장관상"),
    (EventAward.Category.SELF_REGULATION, "메타버스 자율규제 우수사업자", "과학기술정보통신부 장관상"),
)
# Seed 001: 과기정통부 표창 3점 and 장관상 4점 among the ten; the five groups' awards and presenters.
PG_AWARDS = (
    ("대상", "과학기술정보통신부 장관상"),
    ("최우수상", "과학기술정보통신부 장관상"),
    ("최우수상", "과학기술정보통신부 장관상"),
    ("우수상", "NIPA 원장상"),
    ("우수상", "RAPA 협회장상"),
)
PITCH_START, PITCH_MINUTES, PITCH_SLOTS, PITCH_ROOM = datetime.time(14, 0), 20, 10, "미팅룸(8층)"


def _event(kind: str) -> Event | None:
    return Event.objects.filter(kind=kind, date__year=YEAR).order_by("date").first()


def _press(event: Event, rng: random.Random) -> int:
    rows = [PressArticle(event=event, outlet=o, published_on=d, title=t, url=u) for o, d, t, u in QUOTED]
    days = [event.date + datetime.timedelta(days=offset) for offset in range(-7, 8)]
    while len(rows) < PRESS_TOTAL:
        rows.append(
            PressArticle(
                event=event, outlet=rng.choice(OUTLETS), published_on=rng.choice(days), title=rng.choice(HEADLINES)
            )
        )
    PressArticle.objects.bulk_create(rows)
    return len(rows)


def _awards(event: Event, organisations: list[Organisation]) -> int:
    """The competition's released winners if 2025 has them; else the seed's five project-group awards by hand."""
    if not organisations:
        return 0
    # A small demo (demo_data's sizes) may have fewer members than awards: the names come round again.
    recipients = itertools.cycle(organisations)
    for category, name, presenter in STAFF_AWARDS:
        award_service.add_award(
            event=event, actor=None, category=category, award_name=name, presented_by=presenter,
            recipient=next(recipients).name,
        )  # fmt: skip
    if award_service.released_winners(event):
        award_service.import_competition_winners(event=event, actor=None)
    else:
        for number, (name, presenter) in enumerate(PG_AWARDS, start=1):
            award_service.add_award(
                event=event, actor=None, category=EventAward.Category.COMPETITION, award_name=name,
                presented_by=presenter, recipient=f"우수 프로젝트 그룹 {number} ({next(recipients).name})",
            )  # fmt: skip
    return EventAward.objects.filter(event=event).count()


def _pitching(event: Event, organisations: list[Organisation]) -> int:
    """Ten companies, 20 minutes each from 14:00 to 17:20 in the meeting room (groups when 2025 has any left)."""
    start = datetime.datetime.combine(event.date, PITCH_START)
    PitchSlot.objects.bulk_create(
        PitchSlot(
            event=event, position=index + 1, presenter=organisation.name, room=PITCH_ROOM, minutes=PITCH_MINUTES,
            starts_at=(start + datetime.timedelta(minutes=PITCH_MINUTES * index)).time(),
        )
        for index, organisation in enumerate(organisations[:PITCH_SLOTS])
    )  # fmt: skip
    return PitchSlot.objects.filter(event=event).count()


def load_door_demo(*, seed: int) -> str:
    rng = random.Random(seed)  # noqa: S311  demo data, not a secret
    seminar, results = _event(EventKind.SEMINAR), _event(EventKind.RESULTS)
    if seminar is None and results is None:
        return "events (door): no 2025 event to add to"
    if PressArticle.objects.exists() or EventAward.objects.exists():
        return "events (door): already loaded"
    organisations = list(Organisation.objects.order_by("pk")[:40])
    rng.shuffle(organisations)
    lines = []
    if seminar is not None:
        lines.append(f"{seminar.title}: {_press(seminar, rng)} press articles")
    if results is not None:
        lines.append(f"{results.title}: {_awards(results, organisations[:10])} awards")
        lines.append(f"{results.title}: {_pitching(results, organisations[10:])} IR pitching slots")
    return "events (door): " + "; ".join(lines)
