"""The attendance table of a meeting as seed 001 prints it, and what the attendance page starts from.

    □ 대상 인원 : 총 16명(참석 11명/불참 5명)
    구분 | 소속 | 이름 | 직급 | 비고 | 참석
    산업계 | 메타버스협의회 (위지웍스튜디오) | 조성완 | 회장 (대표) | | ○ (대참 박기주 이사)
    ※ … 배석

Rules:
- The roster is the meeting's member seats (queries.meetings.meeting_seats) by sector in the order 정부,
  학계·연구계, 산업계, 유관기관, then the body's order; observers (배석) are listed apart, never counted.
- 참석 counts the seats present in person and those represented by a substitute (as the seed counts them);
  불참 the rest, a seat with nothing recorded included.
- The quorum counts substitutes only when the body's rules say so (alliance.governance.quorum.body_quorum).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from alliance.governance.models import AttendanceStatus, Meeting, Position, Seat, Sector
from alliance.governance.queries.meetings import attendance_by_seat, meeting_seats, replies_by_seat
from alliance.governance.quorum import body_quorum

PRESENT_MARK, ABSENT_MARK = "○", "×"


def seat_note(seat: Seat) -> str:
    """비고: the seat's position when it is not a plain member ("위원장", "윤리제도 분과장")."""
    if seat.ex_officio_for_id is not None:
        return _("%(body)s chair") % {"body": seat.ex_officio_for.body.name}
    if seat.position == Position.MEMBER:
        return ""
    return str(seat.get_position_display())


def mark(attendance) -> str:
    """○, ×, or ○ (대참 박기주 이사)."""
    if attendance is None or attendance.status == AttendanceStatus.ABSENT:
        return ABSENT_MARK
    if attendance.status == AttendanceStatus.SUBSTITUTE:
        who = " ".join(part for part in (attendance.substitute_name, attendance.substitute_title) if part)
        return _("○ (substitute: %(name)s)") % {"name": who}
    return PRESENT_MARK


@dataclass
class RosterRow:
    seat: Seat
    sector: str
    first_of_sector: bool
    sector_size: int
    note: str
    mark: str
    online: bool
    attendance: object = None
    reply: object = None


@dataclass
class AttendanceTable:
    rows: list[RosterRow]
    observers: list[RosterRow]
    total: int
    attending: int  # present + substitutes (the seed's 참석)
    present: int
    substitutes: int
    absent: int
    online: int
    quorum: int
    quorum_met: bool
    guests: list = field(default_factory=list)

    @property
    def headline(self) -> str:
        """대상 인원 : 총 16명(참석 11명/불참 5명)"""
        return _("Attendees: %(total)s in total (%(attending)s attending / %(absent)s absent)") % {
            "total": self.total,
            "attending": self.attending,
            "absent": self.absent,
        }


SECTOR_ORDER = {value: index for index, value in enumerate(Sector.values)}


def attendance_table(meeting: Meeting) -> AttendanceTable:
    """The roster with each seat's recorded attendance (or nothing recorded yet), the counts and the quorum."""
    seats = list(meeting_seats(meeting).select_related("ex_officio_for__body"))
    recorded = attendance_by_seat(meeting)
    replies = replies_by_seat(meeting)
    members = sorted((s for s in seats if not s.is_observer), key=lambda s: (SECTOR_ORDER.get(s.person.sector, 9),))
    rows = _rows(members, recorded, replies)
    observers = _rows([s for s in seats if s.is_observer], recorded, replies)
    statuses = [recorded[s.pk].status if s.pk in recorded else AttendanceStatus.ABSENT for s in members]
    present = statuses.count(AttendanceStatus.PRESENT)
    substitutes = statuses.count(AttendanceStatus.SUBSTITUTE)
    quorum = body_quorum(meeting.body, seats=len(members), present=present, substitutes=substitutes)
    return AttendanceTable(
        rows=rows,
        observers=observers,
        total=len(members),
        attending=present + substitutes,
        present=present,
        substitutes=substitutes,
        absent=len(members) - present - substitutes,
        online=sum(1 for row in rows if row.online),
        quorum=quorum.required,
        quorum_met=quorum.met,
        guests=list(meeting.guests.all()),
    )


def _rows(seats, recorded, replies) -> list[RosterRow]:
    rows = []
    sizes: dict[str, int] = {}
    for seat in seats:
        sizes[seat.person.sector] = sizes.get(seat.person.sector, 0) + 1
    previous = None
    for seat in seats:
        attendance = recorded.get(seat.pk)
        rows.append(
            RosterRow(
                seat=seat,
                sector=str(seat.person.get_sector_display()),
                first_of_sector=seat.person.sector != previous,
                sector_size=sizes[seat.person.sector],
                note=seat_note(seat),
                mark=mark(attendance),
                online=bool(attendance and attendance.online and attendance.status != AttendanceStatus.ABSENT),
                attendance=attendance,
                reply=replies.get(seat.pk),
            )
        )
        previous = seat.person.sector
    return rows
