"""A meeting's timetable (세부 일정), computed from its start time and the agenda's durations, in the seeds' form.

    시간            | 분  | 주요 내용                          | 비고
    14:00~14:10     | 10' | 개회 및 인사말                     | 사무국
    14:10~14:30     | 20' | (안건 1) 운영계획 보고             | 사무국

Rules:
- The rows follow the agenda's order; each row starts when the one before ends (no gap, no overlap): a pause
  is a row of its own (a break), as in the seeds' "Break Time".
- The table's span is the sum of the durations; the meeting ends when its last row ends (a day past midnight
  is not expected of a meeting, but the clock simply wraps).
- Agenda items (not breaks, not the opening or closing parts) are numbered 안건 1, 2 … in order, and the
  number leads the text: "(안건 1) …", the way seed 001 writes it.
- 비고 is the row's note, else its presenter ("전진수 대표"), else empty.

A pure function over rows: anything with `kind`, `title`, `duration_minutes` and optionally `note`,
`presenter_name`, `presenter_title` (an AgendaItem, or a plain object in tests). The meeting page, the
invitation e-mail and the meeting pack print the same rows.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

ITEM = "item"
BREAK = "break"


@dataclass(frozen=True)
class TimetableRow:
    starts: datetime.time
    ends: datetime.time
    minutes: int
    kind: str
    number: int | None  # 안건 number, items only
    title: str
    note: str
    offset: int  # minutes from the meeting's start to this row's start

    @property
    def time_range(self) -> str:
        """14:00~14:10"""
        return f"{self.starts:%H:%M}~{self.ends:%H:%M}"

    @property
    def minutes_label(self) -> str:
        """10' (two digits, as the seeds: 05')"""
        return f"{self.minutes:02d}'"

    @property
    def content(self) -> str:
        """주요 내용: "(안건 1) 운영계획 보고" for an agenda item, the title otherwise."""
        if self.number is None:
            return self.title
        return _("(Agenda %(number)s) %(title)s") % {"number": self.number, "title": self.title}

    def as_line(self) -> str:
        """The row as one text line, for plain-text e-mail: "14:00~14:10 | 10' | 개회 및 인사말 | 사무국"."""
        return " | ".join((self.time_range, self.minutes_label, self.content, self.note))


def _note(item) -> str:
    note = (getattr(item, "note", "") or "").strip()
    if note:
        return note
    presenter = " ".join(
        part
        for part in ((getattr(item, "presenter_name", "") or ""), (getattr(item, "presenter_title", "") or ""))
        if part
    )
    return presenter.strip()


def _clock(start: datetime.time, minutes: int) -> datetime.time:
    moment = datetime.datetime.combine(datetime.date(2000, 1, 1), start) + datetime.timedelta(minutes=minutes)
    return moment.time()


def compute_timetable(starts_at: datetime.time, items: Iterable) -> list[TimetableRow]:
    """The timetable's rows for a meeting starting at `starts_at` with these agenda rows, in their order."""
    rows = []
    offset = 0
    number = 0
    for item in items:
        minutes = int(item.duration_minutes)
        if item.kind == ITEM:
            number += 1
        rows.append(
            TimetableRow(
                starts=_clock(starts_at, offset),
                ends=_clock(starts_at, offset + minutes),
                minutes=minutes,
                kind=item.kind,
                number=number if item.kind == ITEM else None,
                title=item.title,
                note=_note(item),
                offset=offset,
            )
        )
        offset += minutes
    return rows


def total_minutes(rows: list[TimetableRow]) -> int:
    return sum(row.minutes for row in rows)


def ends_at(starts_at: datetime.time, items: Iterable) -> datetime.time:
    """When the meeting ends: its start plus every row's duration."""
    return _clock(starts_at, sum(int(item.duration_minutes) for item in items))


def as_text(rows: list[TimetableRow]) -> str:
    """The table as plain text lines under its header (시간 | 분 | 주요 내용 | 비고)."""
    return "\n".join([" | ".join(headings()), *(row.as_line() for row in rows)])


def headings() -> tuple[str, str, str, str]:
    """시간 / 분 / 주요 내용 / 비고"""
    return (
        pgettext("timetable", "Time"),
        pgettext("timetable", "Minutes"),
        pgettext("timetable", "Main content"),
        pgettext("timetable", "Note"),
    )
