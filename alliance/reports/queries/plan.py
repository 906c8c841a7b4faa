"""The yearly schedule (추진 일정: seed 000 "2026년 추진 일정(안)") built from everything dated on the platform.

Each source is one small function returning uniform `PlanEntry`s (area, title, planned months, planned day if
known, the day it was done or None, a link): the competition's stages, the committees' meetings as planned and
held, the alliance's published events, the member census rounds, the partner agencies' report deadlines, the
newsletter's months, and the items staff add (`PlanItem`).

Planned against actual, as of a day D (`entry_state`):
- done: it was done on or before D;
- late: not done by D, and its planned day (else the last day of its last planned month) is before D;
- coming: otherwise.

The grid (`plan_grid`) has a row per area and title (the newsletter's months share one row) and a column per
month: ● where something was done that month, ▲ where something planned that month is late, ○ where something is
planned and not late; a cell holding several keeps the most urgent (late, then done, then planned).
"""

import calendar
import datetime
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from alliance.agencies.models import Agency, QuarterlyReport
from alliance.agencies.queries import deadlines
from alliance.events.queries import events_in
from alliance.governance.models import BodyKind, Meeting
from alliance.info.models import Edition
from alliance.info.queries.newsletter_calendar import publishing_dates
from alliance.members.models import CensusRound
from alliance.programs.models import Stage
from alliance.reports.models import AREA_ORDER, Area, PlanItem

MONTHS = range(1, 13)
DONE, LATE, COMING = "done", "late", "coming"
MARKS = {DONE: "●", LATE: "▲", COMING: "○"}
URGENCY = (LATE, DONE, COMING)  # a cell holding several shows the first of these it has


@dataclass(frozen=True)
class PlanEntry:
    area: str
    title: str
    months: tuple[int, ...]
    planned_on: datetime.date | None
    done_on: datetime.date | None
    url: str = ""
    source: str = ""
    note: str = ""


def month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def entry_state(entry: PlanEntry, year: int, as_of: datetime.date) -> str:
    """done / late / coming of one entry of `year` as of `as_of` (the module's rule)."""
    if entry.done_on is not None and entry.done_on <= as_of:
        return DONE
    due = entry.planned_on or (month_end(year, max(entry.months)) if entry.months else None)
    return LATE if due is not None and due < as_of else COMING


def _local_day(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment).date()


def _months_between(year: int, first: datetime.date, last: datetime.date) -> tuple[int, ...]:
    """The months of `year` the days first..last touch."""
    if last < first or last.year < year or first.year > year:
        return ()
    start = first.month if first.year == year else 1
    end = last.month if last.year == year else 12
    return tuple(range(start, end + 1))


# ---------------------------------------------------------------- sources


def competition_entries(year: int) -> list[PlanEntry]:
    """The year's competition stages (call, screening, mentoring, investment day, final judging, awards): planned
    over the months they run, done on their last day."""
    entries = []
    for stage in Stage.objects.filter(programme__year=year).select_related("programme").order_by("starts_at"):
        first, last = _local_day(stage.starts_at), _local_day(stage.ends_at)
        entries.append(
            PlanEntry(
                area=Area.COMPETITION,
                title=str(stage.get_kind_display()),
                months=_months_between(year, first, last),
                planned_on=last,
                done_on=last,
                url=reverse("programs:programme_stages", kwargs={"pk": stage.programme_id}),
                source="programs",
            )
        )
    return entries


_PERIOD = re.compile(r"(\d{1,2})\s*(?:월)?\s*(?:[~∼\-–]\s*(\d{1,2}))?\s*월")


def planned_months(period: str) -> tuple[int, ...]:
    """The months a meeting's planned period names: "4월" → (4,), "4~5월" → (4, 5), "3월, 10월" → (3, 10);
    () when it names none."""
    months: set[int] = set()
    for match in _PERIOD.finditer(period or ""):
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if 1 <= first <= last <= 12:
            months.update(range(first, last + 1))
    return tuple(sorted(months))


def governance_entries(year: int) -> list[PlanEntry]:
    """The committees' meetings of the year: planned in the months of their planned period (else their date's),
    done on their date once held (dated and attendance recorded, as governance_status counts them)."""
    entries = []
    meetings = Meeting.objects.filter(body__year=year).select_related("body").order_by("body__order", "number")
    for meeting in meetings:
        months = planned_months(meeting.planned_period)
        if not months and meeting.date and meeting.date.year == year:
            months = (meeting.date.month,)
        held = meeting.date if meeting.attendance_recorded_at is not None else None
        entries.append(
            PlanEntry(
                area=Area.STEERING if meeting.body.kind == BodyKind.STEERING else Area.SUBCOMMITTEES,
                title=_("%(body)s meeting %(number)s") % {"body": meeting.body.name, "number": meeting.number},
                months=months,
                planned_on=meeting.date if not months or (meeting.date and meeting.date.month in months) else None,
                done_on=held,
                url=reverse("governance:meeting_detail", kwargs={"pk": meeting.pk}),
                source="governance",
            )
        )
    return entries


def census_entries(year: int) -> list[PlanEntry]:
    """The member census rounds open during the year: planned from the month they opened to their closing date,
    done when staff closed them."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    rounds = CensusRound.objects.filter(
        closes_on__gte=first,
        opened_at__lt=timezone.make_aware(
            datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time())
        ),
    ).order_by("opened_at")
    return [
        PlanEntry(
            area=Area.MEMBERS,
            title=census_round.title,
            months=_months_between(year, _local_day(census_round.opened_at), census_round.closes_on),
            planned_on=census_round.closes_on if census_round.closes_on.year == year else None,
            done_on=_local_day(census_round.closed_at) if census_round.closed_at else None,
            url=reverse("members:census_round_detail", kwargs={"pk": census_round.pk}),
            source="members",
        )
        for census_round in rounds
    ]


def agency_entries(year: int) -> list[PlanEntry]:
    """The partner agencies' quarterly report deadlines falling in the year (the fourth quarter's falls in the next
    January): done on the day the last active agency first submitted, once every one has. None without agencies."""
    agencies = Agency.objects.filter(active=True).count()
    if not agencies:
        return []
    due = [(year - 1, 4, deadlines(year - 1)[4])] + [(year, quarter, day) for quarter, day in deadlines(year).items()]
    due = [(report_year, quarter, day) for report_year, quarter, day in due if day.year == year]
    submitted = {
        (row["year"], row["quarter"]): row
        for row in QuarterlyReport.objects.filter(
            agency__active=True,
            first_submitted_at__isnull=False,
            year__in=[report_year for report_year, _quarter, _day in due],
        )
        .values("year", "quarter")
        .annotate(agencies=Count("agency", distinct=True), last=Max("first_submitted_at"))
    }
    entries = []
    for report_year, quarter, day in due:
        row = submitted.get((report_year, quarter))
        done = _local_day(row["last"]) if row and row["agencies"] >= agencies else None
        entries.append(
            PlanEntry(
                area=Area.AGENCIES,
                title=_("Agencies' activity reports for %(year)s Q%(quarter)s due")
                % {"year": report_year, "quarter": quarter},
                months=(day.month,),
                planned_on=day,
                done_on=done,
                url=reverse("agencies:report_grid", kwargs={"year": report_year}),
                source="agencies",
            )
        )
    return entries


def newsletter_entries(year: int) -> list[PlanEntry]:
    """The daily newsletter, month by month from its first edition on: each month is done on its last edition's
    day once as many editions were sent as the month has publishing days."""
    first_edition = Edition.objects.order_by("publishing_date").values_list("publishing_date", flat=True).first()
    if first_edition is None or first_edition.year > year:
        return []
    sent = {
        row["publishing_date__month"]: row
        for row in Edition.objects.filter(state=Edition.State.SENT, publishing_date__year=year)
        .values("publishing_date__month")
        .annotate(count=Count("pk"), last=Max("publishing_date"))
    }
    start_month = first_edition.month if first_edition.year == year else 1
    days_by_month: dict[int, list[datetime.date]] = defaultdict(list)
    for day in publishing_dates(datetime.date(year, start_month, 1), datetime.date(year, 12, 31)):
        days_by_month[day.month].append(day)
    title = _("Daily newsletter")
    entries = []
    for month in range(start_month, 13):
        days = days_by_month.get(month)
        if not days:
            continue
        row = sent.get(month)
        done = row["last"] if row and row["count"] >= len(days) else None
        entries.append(
            PlanEntry(
                area=Area.INFORMATION,
                title=title,
                months=(month,),
                planned_on=days[-1],
                done_on=done,
                url=reverse("info:edition_list"),
                source="info",
                note=_("%(sent)s of %(planned)s editions") % {"sent": row["count"] if row else 0, "planned": len(days)},
            )
        )
    return entries


def event_entries(year: int) -> list[PlanEntry]:
    """The year's published events (events' `events_in`): planned on their date, which is also the day they are
    done; the check-ins so far in the note."""
    return [
        PlanEntry(
            area=Area.EVENTS,
            title=event.title,
            months=(event.date.month,),
            planned_on=event.date,
            done_on=event.date,
            url=reverse("events:staff_edit", kwargs={"pk": event.pk}),
            source="events",
            note=_("%(count)s checked in") % {"count": event.checked_in_count} if event.checked_in_count else "",
        )
        for event in events_in(datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    ]


def staff_entries(year: int) -> list[PlanEntry]:
    """The items staff added to the year's plan."""
    return [
        PlanEntry(
            area=item.area,
            title=item.title,
            months=tuple(item.months),
            planned_on=None,
            done_on=item.done_on,
            url=reverse("reports:plan_item_edit", kwargs={"pk": item.pk}),
            source="staff",
            note=item.note,
        )
        for item in PlanItem.objects.filter(year=year)
    ]


SOURCES: tuple[Callable[[int], list[PlanEntry]], ...] = (
    staff_entries,
    governance_entries,
    competition_entries,
    event_entries,
    agency_entries,
    census_entries,
    newsletter_entries,
)


def plan_entries(year: int, sources: Iterable[Callable[[int], list[PlanEntry]]] = SOURCES) -> list[PlanEntry]:
    """Every entry of the year from every source, in the grid's order (area, first month, title)."""
    entries = [entry for source in sources for entry in source(year)]
    return sorted(entries, key=lambda entry: (AREA_ORDER.get(entry.area, 99), min(entry.months or (13,)), entry.title))


# ---------------------------------------------------------------- the grid


@dataclass
class GridRow:
    area: str
    area_label: str
    title: str
    url: str
    source: str
    cells: dict[int, str] = field(default_factory=dict)  # month → state
    notes: list[str] = field(default_factory=list)
    entries: list[PlanEntry] = field(default_factory=list)

    @property
    def marks(self) -> list[tuple[int, str, str]]:
        """(month, state or "", mark) for the twelve months."""
        return [(month, self.cells.get(month, ""), MARKS.get(self.cells.get(month, ""), "")) for month in MONTHS]

    def cells_html(self, cell_html: dict[str, str]) -> str:
        """The twelve month cells as HTML from the four cells `month_cells` made (built here, not in the template:
        a busy year has hundreds of rows)."""
        return mark_safe("".join(cell_html[self.cells.get(month, "")] for month in MONTHS))  # noqa: S308  escaped by month_cells

    states: list[str] = field(default_factory=list)  # each entry's state, in the entries' order
    html: str = ""  # the month cells (cells_html), set by plan_grid

    @property
    def state(self) -> str:
        """The row's state: late when any entry is, done when every one is, else coming."""
        if LATE in self.states:
            return LATE
        return DONE if self.states and set(self.states) == {DONE} else COMING


@dataclass
class PlanGrid:
    year: int
    as_of: datetime.date
    rows: list[GridRow]

    def counts(self) -> dict[str, int]:
        """Entries done, late and coming."""
        counted = {DONE: 0, LATE: 0, COMING: 0}
        for row in self.rows:
            for state in row.states:
                counted[state] += 1
        return counted


def month_cells() -> dict[str, str]:
    """The HTML of a month cell for each state ("" for none): the mark, and the state's name for screen readers."""
    labels = {DONE: _("Done"), LATE: _("Late"), COMING: _("Planned")}
    cells = {"": mark_safe('<td class="month"></td>')}
    for state, label in labels.items():
        cells[state] = format_html(
            '<td class="month mark-{}"><span aria-hidden="true">{}</span><span class="visually-hidden">{}</span></td>',
            state, MARKS[state], label,
        )  # fmt: skip
    return cells


def _put(cells: dict[int, str], month: int, state: str) -> None:
    current = cells.get(month)
    if current is None or URGENCY.index(state) < URGENCY.index(current):
        cells[month] = state


def plan_grid(year: int, as_of: datetime.date | None = None, entries: list[PlanEntry] | None = None) -> PlanGrid:
    """The year's grid as of a day (today when omitted)."""
    as_of = as_of or timezone.localdate()
    entries = plan_entries(year) if entries is None else entries
    labels = dict(Area.choices)
    rows: dict[tuple[str, str], GridRow] = {}
    for entry in entries:
        row = rows.get((entry.area, entry.title))
        if row is None:
            row = rows[(entry.area, entry.title)] = GridRow(
                area=entry.area, area_label=str(labels.get(entry.area, entry.area)), title=entry.title,
                url=entry.url, source=entry.source,
            )  # fmt: skip
        row.entries.append(entry)
        state = entry_state(entry, year, as_of)
        row.states.append(state)
        for month in entry.months:
            _put(row.cells, month, LATE if state == LATE else COMING)
        if state == DONE and entry.done_on.year == year:
            _put(row.cells, entry.done_on.month, DONE)
        if entry.note:
            row.notes.append(entry.note)
    cell_html = month_cells()
    for row in rows.values():
        if row.source == "info":
            row.notes = row.notes[-1:]  # the newsletter: the latest month's figure
        row.html = row.cells_html(cell_html)
    return PlanGrid(year=year, as_of=as_of, rows=list(rows.values()))
