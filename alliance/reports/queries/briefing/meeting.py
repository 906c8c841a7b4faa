"""The steering meeting's own parts of the briefing, from governance's meeting pack (the same text the meeting
pack DOCX/PDF prints): □ 회의개요, □ 논의내용, □ 세부 일정, □ 대상 인원, and the agenda items after the first
two ([안건3] …), each with its details. A quarter without a steering meeting says so and still gets its report.
"""

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from alliance.core.dates import quarter_bounds
from alliance.governance.documents.content import meeting_pack
from alliance.governance.models import AgendaItemKind, BodyKind, Meeting
from alliance.reports.queries.briefing.collect import Collector, line, no_data, table


def steering_meetings(year: int, quarter: int) -> QuerySet:
    """The steering committee's meetings dated in the quarter, in date order."""
    return (
        Meeting.objects.filter(body__kind=BodyKind.STEERING, date__range=quarter_bounds(year, quarter))
        .select_related("body")
        .order_by("date", "starts_at", "pk")
    )


def timetable_headers() -> list[str]:
    return [
        pgettext("briefing", "Time"),
        pgettext("briefing", "Minutes"),
        pgettext("briefing", "Main content"),
        pgettext("briefing", "Note"),
    ]


def attendance_headers() -> list[str]:
    return [
        pgettext("briefing", "Sector"),
        pgettext("briefing", "Affiliation"),
        pgettext("briefing", "Name"),
        pgettext("briefing", "Job title"),
        pgettext("briefing", "Note"),
        pgettext("briefing", "Attendance"),
    ]


def add_meeting_parts(collect: Collector, meeting: Meeting | None):
    """□ 회의개요 … □ 대상 인원; returns the meeting pack (None without a meeting)."""
    overview = collect.section("overview", _("□ Meeting overview"))
    agenda = collect.section("agenda", _("□ Items for discussion"))
    timetable = collect.section("timetable", _("□ Detailed schedule"), editable=False)
    attendance = collect.section("attendance", _("□ Attendees"), editable=False)
    if meeting is None:
        text = _("No steering committee meeting is held this quarter; this briefing carries the quarter's report.")
        for section in (overview, agenda, timetable, attendance):
            no_data(section, text)
        return None
    pack = meeting_pack(meeting)
    for text in pack.overview:
        line(overview, text)
    for text in pack.agenda:
        line(agenda, text)
    if not pack.agenda:
        no_data(agenda, _("No agenda items recorded yet."))
    if pack.timetable:
        table(
            timetable, timetable_headers(), [[r.time_range, r.minutes_label, r.content, r.note] for r in pack.timetable]
        )
    else:
        no_data(timetable, _("No timetable recorded yet."))
    roster = pack.attendance
    attendance.heading = _("□ %(heading)s") % {"heading": roster.heading}
    rows = [
        [group.sector if i == 0 else "", *row_cells(row)] for group in roster.groups for i, row in enumerate(group.rows)
    ]
    if rows:
        table(attendance, attendance_headers(), rows)
    else:
        no_data(attendance, _("No seats recorded yet."))
    if roster.observers:
        line(attendance, roster.observers, 0)
    return pack


def row_cells(row) -> list[str]:
    return [row.affiliation, row.name, row.title, row.note, row.mark]


def further_agenda_items(meeting: Meeting | None) -> list:
    """The meeting's agenda items after the first two (the quarter's report and the subcommittees' reports)."""
    if meeting is None:
        return []
    items = [item for item in meeting.agenda_items.order_by("order") if item.kind == AgendaItemKind.ITEM]
    return list(enumerate(items, start=1))[2:]


def add_further_items(collect: Collector, meeting: Meeting | None) -> None:
    for number, item in further_agenda_items(meeting):
        section = collect.section(
            f"item-{number}", _("[Agenda %(number)s] %(title)s") % {"number": number, "title": item.title}, 1
        )
        presenter = " ".join(filter(None, [item.presenter_affiliation, item.presenter_name, item.presenter_title]))
        if presenter:
            line(section, _("(Presented by) %(presenter)s") % {"presenter": presenter})
        for text in item.details.splitlines():
            if text.strip():
                line(section, text.strip())
        if not presenter and not item.details.strip():
            no_data(section, _("The papers for this item are presented at the meeting."))
