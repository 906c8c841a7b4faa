"""[안건2] the subcommittees' reports: each subcommittee meeting of the quarter as seed 001 reports it — □ 회의
개요 and 논의 내용 from the meeting pack, □ 세부 일정, and □ 회의 결과 from its minutes (the current confirmed
version, else the newest) — then □ 다음 분기 계획: what is dated in the next quarter."""

from django.utils.translation import gettext as _

from alliance.core.dates import format_moment, quarter_bounds
from alliance.events.queries import events_in
from alliance.governance.documents.content import meeting_pack, minutes_document
from alliance.governance.models import Meeting
from alliance.governance.queries.minutes import version_content
from alliance.programs.models import Stage
from alliance.reports.queries.briefing.collect import Collector, line, no_data, table
from alliance.reports.queries.briefing.meeting import timetable_headers
from alliance.reports.queries.briefing.report import reported_version


def add_subcommittee_reports(collect: Collector, meetings: list[Meeting], number: int) -> None:
    head = collect.section(
        "subcommittee-reports", _("[Agenda %(number)s] Subcommittees' reports") % {"number": number}, 1
    )
    if not meetings:
        no_data(head, _("No subcommittee meeting this quarter."))
        return
    line(head, " / ".join(dict.fromkeys(m.body.name for m in meetings)), 0)
    for n, meeting in enumerate(meetings, start=1):
        pack = meeting_pack(meeting)
        section = collect.section(
            f"subcommittee-{meeting.pk}",
            _("%(n)s. %(body)s meeting no. %(number)s: results")
            % {"n": n, "body": meeting.body.name, "number": meeting.number},
            2,
        )
        line(section, _("□ Meeting overview"), 0)
        for text in pack.overview:
            line(section, text)
        if pack.agenda:
            line(section, _("□ Items for discussion"), 0)
            for text in pack.agenda:
                line(section, text)
        if pack.timetable:
            table(
                section,
                timetable_headers(),
                [[r.time_range, r.minutes_label, r.content, r.note] for r in pack.timetable],
            )
        line(section, _("□ Results"), 0)
        version = reported_version(meeting)
        if version is None:
            line(section, _("No minutes recorded yet."))
            continue
        document = minutes_document(version_content(version), with_overview=False)
        for part in document.sections:
            line(section, part.heading, 0)
            for text in part.lines:
                line(section, text)
        if not document.sections:
            line(section, _("No minutes recorded yet."))


def next_quarter(year: int, quarter: int) -> tuple[int, int]:
    return (year + 1, 1) if quarter == 4 else (year, quarter + 1)


def add_next_quarter(collect: Collector, year: int, quarter: int) -> None:
    y, q = next_quarter(year, quarter)
    first, last = quarter_bounds(y, q)
    section = collect.section(
        "next-quarter", _("□ Plan for the next quarter (’%(yy)s Q%(q)s)") % {"yy": f"{y % 100:02d}", "q": q}, 1
    )
    rows = []
    meetings = Meeting.objects.filter(date__range=(first, last)).select_related("body").order_by("date", "starts_at")
    for meeting in meetings:
        rows.append(
            (meeting.date, _("%(body)s meeting no. %(number)s") % {"body": meeting.body.name, "number": meeting.number})
        )
    for stage in (
        Stage.objects.filter(starts_at__date__range=(first, last)).select_related("programme").order_by("starts_at")
    ):
        rows.append((stage.starts_at.date(), f"{stage.programme.name} · {stage.get_kind_display()}"))
    for event in events_in(first, last):
        rows.append((event.date, event.title))
    rows.sort(key=lambda row: row[0])
    for day, text in rows:
        line(section, f"({format_moment(day)}) {text}")
    if not section.blocks:
        no_data(section, _("Nothing is dated in the next quarter yet."))
