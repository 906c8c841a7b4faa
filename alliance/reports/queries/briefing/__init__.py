"""The quarterly steering-committee briefing (운영위원회 자료, seed 001) assembled from live data.

`build_briefing(year, quarter, meeting=None)` returns a `Briefing` (document.py) in seed 001's order: the cover
(title and subtitle), □ 회의개요, □ 논의내용, □ 세부 일정, □ 대상 인원 (the steering meeting's, from governance's
meeting pack), [안건1] the quarter's report (회원사 현황, the competition, the subcommittees' meetings, the partner
agencies' accepted reports, the member services with the homepage, the quarter's events), [안건2] the subcommittees'
reports, the steering meeting's further agenda items, the next quarter's plan, and the appendix of every figure
with its as-of date and source.

Rules: figures are counted on the as-of date — the quarter's last day, or today while the quarter is still
running; a quarter without a steering meeting still gets its report part; a part without data says so. It
reads only, and works on any data however partial.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from alliance.core.dates import format_moment, quarter_bounds
from alliance.governance.documents.content import pack_title
from alliance.governance.models import Meeting
from alliance.reports.queries.briefing.collect import Collector, as_of_phrase, no_data, quarter_label, table
from alliance.reports.queries.briefing.document import Briefing
from alliance.reports.queries.briefing.events import add_events
from alliance.reports.queries.briefing.meeting import add_further_items, add_meeting_parts, steering_meetings
from alliance.reports.queries.briefing.report import add_agencies, add_competition, add_members, add_subcommittee_lines
from alliance.reports.queries.briefing.services import add_services
from alliance.reports.queries.briefing.subcommittees import add_next_quarter, add_subcommittee_reports

__all__ = ["Briefing", "briefing_as_of", "build_briefing", "steering_meetings"]


def briefing_as_of(year: int, quarter: int, today: datetime.date | None = None) -> datetime.date:
    first, last = quarter_bounds(year, quarter)
    today = today or timezone.localdate()
    return max(first, min(last, today))


def add_appendix(collect: Collector) -> None:
    section = collect.section("appendix", _("[Appendix] Figures and their sources"), 1, editable=False)
    rows = [
        [str(n), figure.label, figure.value, format_moment(figure.as_of), figure.source]
        for n, figure in enumerate(collect.figures, start=1)
    ]
    if rows:
        table(
            section,
            [
                pgettext("briefing", "No."),
                pgettext("briefing", "Figure"),
                pgettext("briefing", "Value"),
                pgettext("briefing", "As of"),
                pgettext("briefing", "Source"),
            ],
            rows,
        )
    else:
        no_data(section)


def build_briefing(
    year: int, quarter: int, meeting: Meeting | None = None, *, today: datetime.date | None = None
) -> Briefing:
    """The briefing of `year`'s `quarter` (1–4; ValueError otherwise) for `meeting` (a steering meeting, or None)."""
    as_of = briefing_as_of(year, quarter, today)
    collect = Collector(as_of)
    label = quarter_label(year, quarter)
    if meeting is not None:
        title = pack_title(meeting)
        subtitle = _("(%(date)s, Metaverse Alliance secretariat)") % {
            "date": format_moment(meeting.date) if meeting.date else ""
        }
    else:
        title = _("%(quarter)s Metaverse Alliance quarterly report") % {"quarter": label}
        subtitle = _("%(as_of)s Metaverse Alliance secretariat") % {"as_of": as_of_phrase(as_of)}
    add_meeting_parts(collect, meeting)
    collect.section(
        "report", _("[Agenda 1] %(quarter)s Metaverse Alliance report") % {"quarter": label}, 1, editable=False
    )
    add_members(collect, year)
    add_competition(collect, year, quarter)
    meetings = add_subcommittee_lines(collect, year, quarter)
    add_agencies(collect, year, quarter)
    add_services(collect, year, quarter)
    add_events(collect, year, quarter)
    add_subcommittee_reports(collect, meetings, 2)
    add_further_items(collect, meeting)
    add_next_quarter(collect, year, quarter)
    add_appendix(collect)
    return Briefing(
        title=title,
        subtitle=subtitle,
        year=year,
        quarter=quarter,
        as_of=as_of,
        meeting_id=meeting.pk if meeting else None,
        sections=collect.sections,
        figures=collect.figures,
    )
