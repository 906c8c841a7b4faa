"""Reads of the agencies app reused by several callers: deadlines, the report grid, accepted reports."""

import dataclasses
import datetime

from django.db.models import QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.agencies.models import QUARTERS, Agency, QuarterDeadline, QuarterlyReport, default_deadline
from alliance.core.models import ReviewStatus


def deadlines(year: int) -> dict[int, datetime.date]:
    """Quarter → its deadline: the one staff set, else the default (10th of the month after the quarter)."""
    stored = dict(QuarterDeadline.objects.filter(year=year).values_list("quarter", "due_on"))
    return {quarter: stored.get(quarter) or default_deadline(year, quarter) for quarter in QUARTERS}


def deadlines_version(year: int) -> int:
    """The version of a year's deadlines as one form shows them: the sum of its rows' versions."""
    return QuarterDeadline.objects.filter(year=year).aggregate(total=Sum("version"))["total"] or 0


def deadline_for(year: int, quarter: int) -> datetime.date:
    return deadlines(year)[quarter]


def accepted_reports(year: int, quarter: int) -> QuerySet:
    """The reports accepted by staff for one quarter (the quarterly briefing counts and lists these)."""
    return (
        QuarterlyReport.objects.filter(year=year, quarter=quarter, status=ReviewStatus.APPLIED)
        .select_related("agency")
        .order_by("agency__short_name")
    )


def current_quarter(today: datetime.date) -> tuple[int, int]:
    return today.year, (today.month - 1) // 3 + 1


# The cell states of the staff grid, and their labels.
ACCEPTED, SUBMITTED, RETURNED, DRAFT, LATE, NOT_DUE = "accepted", "submitted", "returned", "draft", "late", "not_due"
CELL_LABELS = {
    ACCEPTED: _("Accepted by the secretariat"),
    SUBMITTED: _("Submitted, awaiting review"),
    RETURNED: _("Returned with comments"),
    DRAFT: _("Not submitted"),
    LATE: _("Overdue"),
    NOT_DUE: _("Not submitted"),
}


@dataclasses.dataclass(frozen=True)
class Cell:
    quarter: int
    state: str
    deadline: datetime.date
    report: QuarterlyReport | None
    submitted_late: bool

    @property
    def label(self) -> str:
        return str(CELL_LABELS[self.state])


def report_state(report: QuarterlyReport | None, deadline: datetime.date, as_of: datetime.date) -> tuple[str, bool]:
    """(state, submitted late) of one agency's report for one quarter as of a date.

    Rule: a report submitted (at least once) is accepted, returned or awaiting review; it came in late when
    its first submission is after the deadline's day. A report not submitted is overdue once the deadline's
    day has passed, else not yet due (a draft shows as such).
    """
    if report is not None and report.first_submitted_at is not None:
        late = timezone.localdate(report.first_submitted_at) > deadline
        if report.status == ReviewStatus.APPLIED:
            return ACCEPTED, late
        if report.status == ReviewStatus.RETURNED:
            return RETURNED, late
        return SUBMITTED, late
    if as_of > deadline:
        return LATE, False
    return (DRAFT if report is not None else NOT_DUE), False


def report_grid(year: int, as_of: datetime.date) -> list[tuple[Agency, list[Cell]]]:
    """Every active agency (and any agency with a report that year) × the four quarters, as of a date."""
    due = deadlines(year)
    reports = {
        (report.agency_id, report.quarter): report
        for report in QuarterlyReport.objects.filter(year=year).select_related("agency")
    }
    reporting = {agency_id for agency_id, _quarter in reports}
    agencies = [agency for agency in Agency.objects.order_by("short_name") if agency.active or agency.pk in reporting]
    rows = []
    for agency in agencies:
        cells = []
        for quarter in QUARTERS:
            report = reports.get((agency.pk, quarter))
            state, late = report_state(report, due[quarter], as_of)
            cells.append(Cell(quarter, state, due[quarter], report, late))
        rows.append((agency, cells))
    return rows


def overdue_agencies(year: int, quarter: int, as_of: datetime.date) -> list[Agency]:
    """Active agencies whose report for the quarter is overdue as of a date."""
    deadline = deadline_for(year, quarter)
    submitted = set(
        QuarterlyReport.objects.filter(year=year, quarter=quarter, first_submitted_at__isnull=False).values_list(
            "agency_id", flat=True
        )
    )
    if as_of <= deadline:
        return []
    return [
        agency for agency in Agency.objects.filter(active=True).order_by("short_name") if agency.pk not in submitted
    ]
