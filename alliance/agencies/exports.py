"""The workbook of a year's accepted reports: one row per entry, for the quarterly briefing."""

from django.utils.translation import gettext as _

from alliance.agencies.models import ReportEntry
from alliance.core.models import ReviewStatus
from alliance.core.spreadsheets import table_xlsx


def accepted_reports_xlsx(year: int) -> bytes:
    entries = (
        ReportEntry.objects.filter(report__year=year, report__status=ReviewStatus.APPLIED)
        .exclude(text="")
        .select_related("report__agency", "plan_item__plan")
        .order_by("report__quarter", "report__agency__short_name", "plan_item__heading", "plan_item__pk")
    )
    headers = [
        _("Quarter"),
        _("Agency"),
        _("Heading"),
        _("Plan item"),
        _("Period"),
        _("What was done"),
        _("From"),
        _("To"),
        _("Figures"),
        _("Accepted at"),
    ]
    rows = [
        [
            _("Q%(quarter)s") % {"quarter": entry.report.quarter},
            entry.report.agency.name,
            entry.plan_item.get_heading_display(),
            entry.plan_item.text,
            entry.plan_item.period,
            entry.text,
            entry.started_on,
            entry.ended_on,
            entry.figures,
            entry.report.reviewed_at,
        ]
        for entry in entries
    ]
    return table_xlsx(headers, rows, title=_("Accepted reports %(year)s") % {"year": year})
