"""The attendance table of a meeting as seed 001 prints it (대상 인원), for the meeting page and the meeting pack.

    대상 인원 : 총 16명(참석 11명/불참 5명)
    구분 | 소속 | 이름 | 직급 | 비고 | 참석        — one group of rows per sector (the sector cell spans the group)
    ...                               ○, ×, or "○ (대참 박기주 이사)" for a substitute
    ※ 과기정통부 디지털콘텐츠과 김혜경 사무관/이진영 주무관 배석

Rules: the roster is the body's member seats active on the meeting's day (observers apart, in the ※ line),
by sector in the order of `Sector`, then by seat order. A seat represented by a substitute counts as present
(참석), as the seed counts it. Before attendance is recorded the 참석 column is empty and the heading gives
the total only. Two queries whatever the size of the body.
"""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.governance.models import Attendance, AttendanceStatus, Meeting, Position, Seat, Sector
from alliance.governance.rules import active_seat_q

PRESENT_MARK = "○"
ABSENT_MARK = "×"
NOTED_POSITIONS = (Position.CHAIR, Position.VICE_CHAIR, Position.SECRETARY)


@dataclass(frozen=True)
class AttendanceRow:
    affiliation: str
    name: str
    title: str
    note: str  # 비고: 위원장, "윤리제도 분과장" ...
    mark: str  # 참석: ○, ×, "○ (대참 박기주 이사)", or "" before attendance is recorded


@dataclass(frozen=True)
class SectorGroup:
    sector: str  # 구분, the label (정부, 학계·연구계 ...)
    rows: list[AttendanceRow] = field(default_factory=list)


@dataclass(frozen=True)
class AttendanceTable:
    total: int
    present: int
    absent: int
    recorded: bool
    groups: list[SectorGroup]
    observers: str  # the ※ line, or ""

    @property
    def heading(self) -> str:
        if not self.recorded:
            return _("Attendees: %(total)s in all") % {"total": self.total}
        return _("Attendees: %(total)s in all (%(present)s present / %(absent)s absent)") % {
            "total": self.total,
            "present": self.present,
            "absent": self.absent,
        }


def _note(seat: Seat) -> str:
    if seat.ex_officio_for_id is not None:
        name = seat.ex_officio_for.body.name.removesuffix("분과").strip()
        return _("%(subcommittee)s subcommittee chair") % {"subcommittee": name}
    if seat.position == Position.SUBCOMMITTEE_CHAIR or seat.position in NOTED_POSITIONS:
        return seat.get_position_display()
    return ""


def _mark(attendance: Attendance | None) -> str:
    if attendance is None:
        return ""
    if attendance.status == AttendanceStatus.SUBSTITUTE:
        substitute = " ".join(filter(None, [attendance.substitute_name, attendance.substitute_title]))
        return _("○ (substitute: %(name)s)") % {"name": substitute}
    return PRESENT_MARK if attendance.status == AttendanceStatus.PRESENT else ABSENT_MARK


def _observers_line(observers: list[tuple[Seat, Attendance | None]]) -> str:
    """'※ 과기정통부 디지털콘텐츠과 김혜경 사무관/이진영 주무관 배석': observers grouped by affiliation."""
    groups: dict[str, list[str]] = {}
    for seat, attendance in observers:
        if attendance is not None and attendance.status == AttendanceStatus.ABSENT:
            continue
        person = seat.person
        groups.setdefault(person.affiliation, []).append(" ".join(filter(None, [person.name, person.title])))
    if not groups:
        return ""
    listed = ", ".join(f"{affiliation} {'/'.join(names)}".strip() for affiliation, names in groups.items())
    return _("※ %(observers)s sitting in") % {"observers": listed}


def attendance_table(meeting: Meeting) -> AttendanceTable:
    day = meeting.date or timezone.localdate()
    seats = list(
        Seat.objects.filter(active_seat_q(day), body_id=meeting.body_id)
        .select_related("person", "ex_officio_for__body")
        .order_by("order", "pk")
    )
    attendances = {row.seat_id: row for row in Attendance.objects.filter(meeting=meeting)}
    recorded = meeting.attendance_recorded_at is not None or bool(attendances)
    groups = []
    present = absent = total = 0
    for sector in Sector:
        rows = []
        for seat in seats:
            if seat.is_observer or seat.person.sector != sector:
                continue
            attendance = attendances.get(seat.pk)
            # A seat without a row once attendance is recorded was not there.
            mark = ABSENT_MARK if recorded and attendance is None else _mark(attendance)
            total += 1
            present += mark.startswith(PRESENT_MARK)
            absent += mark == ABSENT_MARK
            person = seat.person
            rows.append(AttendanceRow(person.affiliation, person.name, person.title, _note(seat), mark))
        if rows:
            groups.append(SectorGroup(str(sector.label), rows))
    observers = [(seat, attendances.get(seat.pk)) for seat in seats if seat.is_observer]
    return AttendanceTable(total, present, absent, recorded, groups, _observers_line(observers))
