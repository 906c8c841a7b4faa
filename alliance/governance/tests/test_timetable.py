"""The timetable computed from the start time and the durations (alliance/governance/timetable.py)."""

import datetime
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from alliance.governance.timetable import as_text, compute_timetable, ends_at, total_minutes

KINDS = ("item", "break", "other")


def row(kind="item", title="안건", minutes=10, *, note="", presenter_name="", presenter_title=""):
    return SimpleNamespace(
        kind=kind,
        title=title,
        duration_minutes=minutes,
        note=note,
        presenter_name=presenter_name,
        presenter_title=presenter_title,
    )


items = st.lists(
    st.builds(
        row,
        kind=st.sampled_from(KINDS),
        title=st.text(min_size=1, max_size=20),
        minutes=st.integers(min_value=1, max_value=120),
    ),
    max_size=15,
)
starts = st.times(max_value=datetime.time(9, 59)).map(lambda t: t.replace(second=0, microsecond=0))


def minutes_of(moment: datetime.time) -> int:
    return moment.hour * 60 + moment.minute


@given(starts, items)
def test_rows_are_contiguous(start, agenda):
    rows = compute_timetable(start, agenda)

    assert [r.starts for r in rows[1:]] == [r.ends for r in rows[:-1]]
    if rows:
        assert rows[0].starts == start


@given(starts, items)
def test_span_is_the_sum_of_the_durations(start, agenda):
    rows = compute_timetable(start, agenda)

    assert total_minutes(rows) == sum(item.duration_minutes for item in agenda)
    total = sum(item.duration_minutes for item in agenda)
    assert minutes_of(ends_at(start, agenda)) == (minutes_of(start) + total) % (24 * 60)
    if rows:
        assert rows[-1].offset + rows[-1].minutes == total


@given(starts, items)
def test_order_and_numbering_are_kept(start, agenda):
    rows = compute_timetable(start, agenda)

    assert [r.title for r in rows] == [item.title for item in agenda]
    numbers = [r.number for r in rows if r.kind == "item"]
    assert numbers == list(range(1, len(numbers) + 1))
    assert all(r.number is None for r in rows if r.kind != "item")


def test_the_seeds_form():
    agenda = [
        row("other", "개회 및 인사말", 10, note="사무국"),
        row("item", "운영계획 보고", 20, presenter_name="전진수", presenter_title="대표"),
        row("break", "Break Time", 5),
        row("other", "기념 촬영 및 마무리", 5, note="참석자"),
    ]

    lines = [r.as_line() for r in compute_timetable(datetime.time(14, 0), agenda)]

    assert lines == [
        "14:00~14:10 | 10' | 개회 및 인사말 | 사무국",
        "14:10~14:30 | 20' | (안건 1) 운영계획 보고 | 전진수 대표",
        "14:30~14:35 | 05' | Break Time | ",
        "14:35~14:40 | 05' | 기념 촬영 및 마무리 | 참석자",
    ]
    assert as_text(compute_timetable(datetime.time(14, 0), agenda[:1])) == (
        "시간 | 분 | 주요 내용 | 비고\n14:00~14:10 | 10' | 개회 및 인사말 | 사무국"
    )
