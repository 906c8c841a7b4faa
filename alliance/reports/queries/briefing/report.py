"""[안건1] the quarter's report, first part: 회원사 현황, the competition, the subcommittees' meetings in one line
each, and each partner agency's accepted report under its four headings.

Every number comes from its app's own query: the member table is `members.statistics.status_table` (what
`member_stats` prints) on the as-of date; the change is on the previous year-end ("’24년 대비 36개사 증가");
the competition's figures from `programs.queries`; the agencies' reports from `agencies.queries.accepted_reports`.
"""

import datetime

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from alliance.agencies.models import Heading, ReportEntry
from alliance.agencies.queries import accepted_reports
from alliance.core.dates import format_moment, quarter_bounds
from alliance.governance.models import BodyKind, Meeting
from alliance.governance.queries.minutes import current_confirmed, minutes_of, newest_version
from alliance.members.statistics import change_phrase, status_table
from alliance.programs.models import Panel, Stage
from alliance.programs.queries import programme_for_year
from alliance.programs.queries.judging import panel_memberships
from alliance.programs.queries.support import winners_with_grants
from alliance.reports.queries.briefing.collect import Collector, as_of_phrase, line, no_data, table

MEMBER_SOURCE = "members.statistics.status_table"


def member_source() -> str:
    return _("Member registry: members on the date (joined on or before it, not withdrawn), as member_stats counts")


def add_members(collect: Collector, year: int) -> None:
    status = status_table(collect.as_of)
    previous_end = datetime.date(year - 1, 12, 31)
    previous_total = status_table(previous_end).total.count
    source = member_source()
    total = collect.figure(_("Members in all"), status.total.count, source)
    section = collect.section(
        "members",
        _("□ Metaverse Alliance members (%(total)s members in all) %(as_of)s")
        % {"total": total, "as_of": as_of_phrase(collect.as_of)},
    )
    rows = {row.key: row for row in status.rows}
    leaves = ["대기업", "중기업", "소기업", "기관·협단체", "기타(비영리)", "대학/산학협력단"]
    counts = [collect.figure(str(rows[key].label), rows[key].count, source) for key in leaves]
    groups = [
        [
            _("Companies (%(count)s)")
            % {"count": collect.figure(pgettext("briefing", "Companies"), rows["기업"].count, source)},
            3,
        ],
        [
            _("Institutions (%(count)s)")
            % {"count": collect.figure(pgettext("briefing", "Institutions"), rows["기관"].count, source)},
            2,
        ],
        [_("Universities / foundations (%(count)s)") % {"count": counts[5]}, 1],
        [pgettext("briefing", "Total"), 1],
    ]
    headers = [str(rows[key].label) for key in leaves] + [""]
    table(section, headers, [[*counts, total]], groups=groups)
    collect.figure(_("Members at the previous year-end"), previous_total, source, previous_end)
    line(section, change_phrase(previous_end, status.total.count - previous_total))


def add_competition(collect: Collector, year: int, quarter: int) -> None:
    section = collect.section(
        "competition", _("□ Project-group competition %(as_of)s") % {"as_of": as_of_phrase(collect.as_of)}
    )
    programme = programme_for_year(year)
    if programme is None:
        no_data(section, _("No project-group competition this year."))
        return
    source = _("Project-group competition of %(year)s (programs)") % {"year": year}
    first, last = quarter_bounds(year, quarter)
    groups = programme.groups.aggregate(all=Count("pk"), submitted=Count("pk", filter=Q(proposal__status="submitted")))
    line(section, _("(Programme) %(name)s") % {"name": programme.name})
    line(
        section,
        _("(Groups) %(submitted)s groups submitted a proposal (%(all)s formed)")
        % {
            "submitted": collect.figure(_("Groups with a submitted proposal"), groups["submitted"], source),
            "all": collect.figure(_("Groups formed"), groups["all"], source),
        },
    )
    stages = Stage.objects.filter(programme=programme).order_by("starts_at")
    in_quarter = [s for s in stages if s.starts_at.date() <= last and s.ends_at.date() >= first]
    for stage in in_quarter:
        start, end = format_moment(stage.starts_at), format_moment(stage.ends_at)
        when = start if start == end else f"{start} ~ {end}"
        line(section, _("(%(stage)s) %(when)s") % {"stage": stage.get_kind_display(), "when": when})
    final = Panel.objects.filter(programme=programme, kind=Panel.Kind.FINAL).first()
    released = final is not None and final.released_at is not None and final.released_at.date() <= collect.as_of
    if final is not None:
        judges = collect.figure(_("Judges on the final panel"), panel_memberships(final).count(), source)
        line(
            section,
            _("(Final judging) %(judges)s judges; the highest and the lowest score of each group dropped")
            % {"judges": judges},
        )
    if not released:
        if not in_quarter:
            no_data(section, _("No competition stage this quarter and no results released yet."))
        return
    winners = winners_with_grants(final)
    by_track: dict[str, int] = {}
    for winner in winners:
        by_track[winner.track.name] = by_track.get(winner.track.name, 0) + 1
    split = " / ".join(f"{name} {count}" for name, count in by_track.items())
    line(
        section,
        _("(Result) %(count)s project groups selected (%(split)s)")
        % {"count": collect.figure(_("Winning groups"), len(winners), source), "split": split},
    )
    table(
        section,
        [
            pgettext("briefing", "Track"),
            pgettext("briefing", "Place"),
            pgettext("briefing", "Group"),
            pgettext("briefing", "Lead company"),
            pgettext("briefing", "Award"),
        ],
        [[w.track.name, str(w.place), w.group.name, w.group.lead.name, w.award_name] for w in winners],
    )


def quarter_meetings(year: int, quarter: int, kind: str):
    return (
        Meeting.objects.filter(body__kind=kind, date__range=quarter_bounds(year, quarter))
        .select_related("body")
        .order_by("body__order", "body__name", "date", "number")
    )


def reported_version(meeting: Meeting):
    """The minutes a briefing quotes: the current confirmed version, else the newest one."""
    minutes = minutes_of(meeting)
    if minutes is None:
        return None
    return current_confirmed(minutes) or newest_version(minutes)


def add_subcommittee_lines(collect: Collector, year: int, quarter: int) -> list[Meeting]:
    meetings = list(quarter_meetings(year, quarter, BodyKind.SUBCOMMITTEE))
    count = collect.figure(
        _("Subcommittee meetings held this quarter"),
        len(meetings),
        _("Governance: subcommittee meetings dated in the quarter"),
    )
    section = collect.section("subcommittees", _("□ Subcommittee meetings (%(count)s this quarter)") % {"count": count})
    if not meetings:
        no_data(section, _("No subcommittee meeting this quarter."))
    for meeting in meetings:
        topics = [item.title for item in meeting.agenda_items.order_by("order") if item.kind == "item"]
        text = _("(%(body)s) meeting no. %(number)s, %(date)s: %(topics)s") % {
            "body": meeting.body.name,
            "number": meeting.number,
            "date": format_moment(meeting.date),
            "topics": " / ".join(topics) or _("agenda not recorded"),
        }
        line(section, text)
    return meetings


def add_agencies(collect: Collector, year: int, quarter: int) -> None:
    reports = list(accepted_reports(year, quarter))
    count = collect.figure(
        _("Partner agencies' accepted quarterly reports"),
        len(reports),
        _("Partner agencies: reports accepted by the secretariat"),
    )
    section = collect.section("agencies", _("□ Partner agencies' activities (%(count)s reports)") % {"count": count})
    if not reports:
        no_data(section, _("No partner agency report accepted for this quarter."))
        return
    entries = (
        ReportEntry.objects.filter(report__in=reports)
        .select_related("plan_item")
        .order_by("plan_item__start_month", "pk")
    )
    by_report: dict[int, list[ReportEntry]] = {}
    for entry in entries:
        by_report.setdefault(entry.report_id, []).append(entry)
    for report in reports:
        part = collect.section(
            f"agency-{report.agency.short_name}", _("○ %(agency)s") % {"agency": report.agency.name}, 3
        )
        mine = by_report.get(report.pk, [])
        for number, heading in enumerate(Heading, start=1):
            under = [entry for entry in mine if entry.plan_item.heading == heading and (entry.text or entry.figures)]
            line(part, f"{number} {heading.label}", 0)
            for entry in under:
                line(part, entry_text(entry))
            if not under:
                line(part, _("Nothing reported."))


def entry_text(entry: ReportEntry) -> str:
    text = entry.text.strip() or entry.plan_item.text.strip()
    if entry.figures:
        text += f" ({entry.figures})"
    if entry.started_on:
        period = format_moment(entry.started_on)
        if entry.ended_on and entry.ended_on != entry.started_on:
            period += f" ~ {format_moment(entry.ended_on)}"
        text += f" ({period})"
    return text
