"""The lists staff work from, as XLSX (through `core.spreadsheets.tables_xlsx`, so no text runs as a formula):
the investment day's board (its meetings, and the printable grid) and a mentoring round's sessions.

Rule: each workbook holds what the staff page shows, in the words it shows them (translated headers, Korean
by default; statuses by their labels, never their codes). Dates are date cells (yyyy-mm-dd), times in Korean
time; a meeting's time is its slot as the grid prints it ("14:00~14:15").
"""

from django.utils.translation import gettext as _

from alliance.core.spreadsheets import Table, tables_xlsx
from alliance.programs.models import GroupMember, InvestmentDay, Meeting, Programme
from alliance.programs.queries import investment as investment_queries
from alliance.programs.queries import mentoring as mentoring_queries
from alliance.programs.queries.mentoring import LACKS_FEEDBACK, LACKS_MENTOR, LACKS_SESSION
from alliance.programs.scheduling.grid import minutes_of


def _slot_label(day: InvestmentDay, slot: str) -> str:
    end = minutes_of(slot) + day.length_minutes
    return f"{slot}~{end // 60:02d}:{end % 60:02d}"


def _group_names(day: InvestmentDay, meetings: list[Meeting]) -> dict[int, str]:
    """The project group of each company of the day in the day's programme (a company is in one group a year)."""
    organisations = {meeting.company.organisation_id for meeting in meetings}
    members = GroupMember.objects.filter(programme_id=day.programme_id, organisation_id__in=organisations)
    return dict(members.values_list("organisation_id", "group__name"))


def board_meetings(day: InvestmentDay) -> list[Meeting]:
    """The board's meetings (cancelled ones are not on it), by time then investor column."""
    return list(
        day.meetings.exclude(status=Meeting.Status.CANCELLED)
        .select_related("desk", "company__organisation")
        .order_by("slot", "desk__position", "desk__pk")
    )


def investment_board_xlsx(day: InvestmentDay) -> bytes:
    """Two sheets: every meeting of the board (date, time, investor, company and its group, status, how it was
    scheduled, check-in), and the grid as printed (times as rows, investors as columns)."""
    meetings = board_meetings(day)
    groups = _group_names(day, meetings)
    rows = (
        [
            day.date,
            _slot_label(day, meeting.slot),
            meeting.desk.get_kind_display(),
            meeting.desk.firm,
            meeting.desk.person,
            meeting.company.organisation.name,
            groups.get(meeting.company.organisation_id, ""),
            meeting.get_status_display(),
            meeting.get_source_display(),
            meeting.company.checked_in_at,
        ]
        for meeting in meetings
    )
    headers = [
        _("Date"),
        _("Time"),
        _("Investor type"),
        _("Investor"),
        _("Person in charge"),
        _("Company"),
        _("Project group"),
        _("Status"),
        _("Scheduled by"),
        _("Checked in at"),
    ]
    desks = list(day.desks.all())
    grid = [
        [row.label, *(_grid_cell(meeting) for meeting in row.cells)] if row.slot else [row.label, _("Break")]
        for row in investment_queries.grid_rows(day, desks, investment_queries.live_meetings(day))
    ]
    return tables_xlsx(
        [
            Table(_("Meetings"), headers, rows),
            Table(_("Grid"), [_("Time"), *(str(desk) for desk in desks)], grid),
        ]
    )


def _grid_cell(meeting: Meeting | None) -> str:
    return "-" if meeting is None else str(meeting.company)


def _lacking_label(lacking: str) -> str:
    return {
        LACKS_MENTOR: _("A mentor"),
        LACKS_SESSION: _("A session"),
        LACKS_FEEDBACK: _("Feedback"),
    }.get(lacking, _("Done"))


def mentoring_round_xlsx(programme: Programme, round_number: int, *, lacking_only: bool = False) -> bytes:
    """The round's page as a sheet: per group its field, lead company, mentor, session time and place, the
    mentor's feedback as staff read it, when it was recorded, interim results, and what it still lacks."""
    rows = (
        [
            row.group.mentoring_field,
            row.group.name,
            row.group.lead.name,
            row.session.mentor.user.name if row.session else "",
            row.session.starts_at if row.session else None,
            row.session.place if row.session else "",
            row.session.feedback if row.session else "",
            row.session.feedback_at if row.session else None,
            row.interim_count,
            _lacking_label(row.lacking),
        ]
        for row in mentoring_queries.round_overview(programme, round_number, lacking_only=lacking_only)
    )
    headers = [
        _("Mentoring field"),
        _("Group"),
        _("Lead company"),
        _("Mentor"),
        _("Session time"),
        _("Place or video link"),
        _("Feedback"),
        _("Feedback recorded at"),
        _("Interim results"),
        _("Still lacking"),
    ]
    title = _("Mentoring round %(round)s") % {"round": round_number}
    return tables_xlsx([Table(title, headers, rows)])
