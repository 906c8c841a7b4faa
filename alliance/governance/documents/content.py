"""What the meeting pack and the minutes say, gathered once for the DOCX and the PDF.

The meeting pack follows the first pages of seeds 000 and 001: a title with the date and the secretariat, □ 회의
개요 ((일시/장소), (참석자)), □ 논의 내용 ((안건1) …), □ 세부 일정 (시간 / 분 / 주요 내용 / 비고) and □ 대상 인원
with the attendance table. The minutes follow seed 001's 회의 결과: per agenda item its presentations, the
discussion, the decisions and the action items.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from alliance.core.dates import format_moment
from alliance.governance.models import AgendaItemKind, DecisionMethod, Meeting, MeetingFormat, MinutesVersion
from alliance.governance.queries.attendance_table import AttendanceTable, attendance_table
from alliance.governance.timetable import TimetableRow, compute_timetable

WEEKDAYS = (
    pgettext_lazy("weekday", "Mon"),
    pgettext_lazy("weekday", "Tue"),
    pgettext_lazy("weekday", "Wed"),
    pgettext_lazy("weekday", "Thu"),
    pgettext_lazy("weekday", "Fri"),
    pgettext_lazy("weekday", "Sat"),
    pgettext_lazy("weekday", "Sun"),
)


def _day(meeting: Meeting) -> str:
    """2025. 11. 26.(수), as the seeds date a meeting (one-letter weekday)."""
    if meeting.date is None:
        return _("date to be fixed")
    return f"{format_moment(meeting.date)}({WEEKDAYS[meeting.date.weekday()]})"


def _hours(meeting: Meeting, rows: list[TimetableRow]) -> str:
    if meeting.starts_at is None:
        return ""
    ends = meeting.ends_at or (rows[-1].ends if rows else None)
    return f"{meeting.starts_at:%H:%M}~{ends:%H:%M}" if ends else f"{meeting.starts_at:%H:%M}"


def _place(meeting: Meeting) -> str:
    if meeting.format == MeetingFormat.ONLINE:
        return _("held online")
    if meeting.format == MeetingFormat.HYBRID:
        return _("%(place)s and online") % {"place": meeting.place}
    return meeting.place


def _attendees_line(meeting: Meeting, table: AttendanceTable) -> str:
    if not table.recorded:
        return _("(Attendees) about %(count)s in all (members of the %(body)s)") % {
            "count": table.total,
            "body": meeting.body.name,
        }
    online = meeting.attendances.filter(online=True, status__in=("present", "substitute")).count()
    guests = meeting.guests.count()
    total = table.present + guests
    return _("(Attendees) %(total)s in all (in person %(offline)s / online %(online)s)") % {
        "total": total,
        "offline": total - online,
        "online": online,
    }


def _agenda_line(number: int, item) -> str:
    text = _("(Agenda %(number)s) %(title)s") % {"number": number, "title": item.title}
    presenter = " ".join(filter(None, [item.presenter_affiliation, item.presenter_name, item.presenter_title]))
    if presenter:
        text += _(" (presented by %(presenter)s)") % {"presenter": presenter}
    return text


@dataclass
class MeetingPack:
    title: str
    subtitle: str
    overview: list[str]
    agenda: list[str]
    timetable: list[TimetableRow]
    attendance: AttendanceTable


def _names(meeting: Meeting) -> dict:
    return {"year": meeting.body.year, "body": meeting.body.name, "number": meeting.number}


def pack_title(meeting: Meeting) -> str:
    """2025년 메타버스 얼라이언스 제4차 운영위원회 자료"""
    return _("%(year)s Metaverse Alliance %(body)s meeting no. %(number)s: papers") % _names(meeting)


def minutes_title(meeting: Meeting) -> str:
    """2025년 메타버스 얼라이언스 제4차 운영위원회 회의결과"""
    return _("%(year)s Metaverse Alliance %(body)s meeting no. %(number)s: minutes") % _names(meeting)


def meeting_pack(meeting: Meeting) -> MeetingPack:
    meeting = Meeting.objects.select_related("body").get(pk=meeting.pk)
    agenda_items = list(meeting.agenda_items.order_by("order"))
    rows = compute_timetable(meeting.starts_at, agenda_items) if meeting.starts_at else []
    table = attendance_table(meeting)
    when = " ".join(filter(None, [_day(meeting), _hours(meeting, rows)]))
    overview = [
        _("(Date/place) %(when)s / %(place)s") % {"when": when, "place": _place(meeting)},
        _attendees_line(meeting, table),
    ]
    items = [item for item in agenda_items if item.kind == AgendaItemKind.ITEM]
    return MeetingPack(
        title=pack_title(meeting),
        subtitle=_("(%(day)s, Metaverse Alliance secretariat)") % {"day": _day(meeting)},
        overview=overview,
        agenda=[_agenda_line(number, item) for number, item in enumerate(items, start=1)],
        timetable=rows,
        attendance=table,
    )


# ---------------------------------------------------------------------------------------------- the minutes


def decision_line(decision) -> str:
    outcome = decision.get_outcome_display()
    if decision.method == DecisionMethod.VOTE:
        result = _("%(outcome)s (for %(for)s, against %(against)s, abstentions %(abstentions)s)") % {
            "outcome": outcome,
            "for": decision.votes_for,
            "against": decision.votes_against,
            "abstentions": decision.abstentions,
        }
    else:
        result = _("%(outcome)s by consensus") % {"outcome": outcome}
    return _("(Decision) %(motion)s: %(result)s") % {"motion": decision.motion, "result": result}


def presentation_line(presentation) -> str:
    presenter = " ".join(filter(None, [presentation.affiliation, presentation.presenter]))
    return _("(Presentation) %(title)s (%(presenter)s)") % {"title": presentation.title, "presenter": presenter}


def action_line(action) -> str:
    due = format_moment(action.due_on) if action.due_on else _("no due date")
    text = _("(Action) %(action)s: %(owner)s, by %(due)s") % {
        "action": action.description,
        "owner": action.owner,
        "due": due,
    }
    return text + (_(" (done)") if action.done else "")


@dataclass
class MinutesSection:
    heading: str
    lines: list[str] = field(default_factory=list)  # presentations, discussion points, decisions, actions


@dataclass
class MinutesDocument:
    title: str
    subtitle: str
    status: str
    overview: list[str]
    sections: list[MinutesSection]
    photos: list = field(default_factory=list)  # MinutesFile rows
    attachments: list[str] = field(default_factory=list)


def _status(version: MinutesVersion) -> str:
    if version.confirmed_at:
        status = _("Version %(number)s, confirmed on %(date)s") % {
            "number": version.number,
            "date": format_moment(version.confirmed_at),
        }
    else:
        status = _("Version %(number)s (%(state)s)") % {"number": version.number, "state": version.get_state_display()}
    if version.reason:
        status += " · " + _("Correction: %(reason)s") % {"reason": version.reason}
    return status


def minutes_document(version: MinutesVersion, *, with_overview: bool = True) -> MinutesDocument:
    """The minutes' text; `version` comes with its items prefetched (queries.minutes.version_content)."""
    meeting = version.minutes.meeting
    sections = []
    for number, item in enumerate(version.items.all(), start=1):
        section = MinutesSection(_("○ (Agenda %(number)s) %(title)s") % {"number": number, "title": item.title})
        section.lines += [presentation_line(p) for p in item.presentations.all()]
        section.lines += [text.strip() for text in item.discussion.splitlines() if text.strip()]
        section.lines += [decision_line(d) for d in item.decisions.all()]
        section.lines += [action_line(a) for a in item.action_items.all()]
        sections.append(section)
    overview = meeting_pack(meeting).overview if with_overview else []
    files = list(version.files.all())
    return MinutesDocument(
        title=minutes_title(meeting),
        subtitle=_("(%(day)s, Metaverse Alliance secretariat)") % {"day": _day(meeting)},
        status=_status(version),
        overview=overview,
        sections=sections,
        photos=[f for f in files if f.kind == "photo"],
        attachments=[f.original_name for f in files if f.kind == "attachment"],
    )
