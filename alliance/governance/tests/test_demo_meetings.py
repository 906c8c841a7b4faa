"""The meetings' demo data: the seeds' timetables, replies ahead, the 2025 chair decision; run twice, same data."""

import datetime

from django.utils import timezone

from alliance.governance import demo_meetings
from alliance.governance.models import Position
from alliance.governance.tests.factories import BodyFactory, MeetingFactory, SeatFactory, SubcommitteeFactory
from alliance.governance.timetable import compute_timetable


def test_demo_agendas_follow_the_seeds_and_stay_put_on_a_second_run(db):
    steering = BodyFactory(year=2025, name="운영위원회")
    SeatFactory(body=steering, position=Position.CHAIR)
    past = MeetingFactory(
        body=steering,
        number=4,
        date=datetime.date(2025, 11, 26),
        starts_at=datetime.time(15, 0),
        attendance_recorded_at=timezone.now(),
    )
    ahead_day = timezone.localdate() + datetime.timedelta(days=20)
    sub = SubcommitteeFactory(year=ahead_day.year, name="상생협력")
    for _ in range(6):
        SeatFactory(body=sub, term_end=ahead_day.replace(month=12, day=31))
    ahead = MeetingFactory(body=sub, number=2, date=ahead_day, starts_at=datetime.time(15, 0))

    first = demo_meetings.load(seed=1)
    second = demo_meetings.load(seed=1)

    rows = compute_timetable(past.starts_at, past.agenda_items.order_by("order"))
    assert (rows[0].as_line(), rows[-1].as_line()) == (
        "15:00~15:05 | 05' | 참석자 소개 및 회의 안내 | 사무국",
        "16:50~17:00 | 10' | 기념 촬영 및 마무리 | 참석자",
    )
    past.refresh_from_db()
    assert past.ends_at == datetime.time(17, 0)
    assert past.decisions.get().agenda_item.title == "얼라이언스 의장 연임 건"
    assert ahead.agenda_items.count() == 6
    assert 0 < ahead.replies.count() <= 6
    assert second == "회의 안건 0건, 참석 회신 0건, 의결 0건"
    assert first.startswith("회의 안건 16건")
