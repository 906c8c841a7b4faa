"""The programme as the seeds print it: 구분 | 시간 | 주요 내용 | 비고, the 구분 cell spanning its run of rows,
the time as "14:00~14:05 (5')", speakers after the content, a room column only when sessions run in parallel.
One function for the public page, the printable page and the PDF."""

from dataclasses import dataclass

from alliance.events.models import Event, ProgrammeRow


@dataclass(frozen=True)
class Line:
    row: ProgrammeRow
    section: str
    span: int  # rows the 구분 cell spans; 0: covered by the cell above
    time: str
    speakers: str


def _speakers(row: ProgrammeRow) -> str:
    return ", ".join(str(speaker) for speaker in row.speakers.all())


def programme_lines(event: Event) -> tuple[list[Line], bool]:
    """The programme's lines and whether it has parallel rooms. Two queries (rows, speakers)."""
    rows = list(event.programme_rows.prefetch_related("speakers"))
    lines: list[Line] = []
    for index, row in enumerate(rows):
        first = index == 0 or rows[index - 1].section != row.section
        span = 0
        if first:
            span = 1
            while index + span < len(rows) and rows[index + span].section == row.section:
                span += 1
        time = f"{row.starts_at:%H:%M}~{row.ends_at:%H:%M} ({row.minutes}')"
        lines.append(Line(row=row, section=row.section, span=span, time=time, speakers=_speakers(row)))
    return lines, any(row.room for row in rows)
