"""Homepage analytics for the secretariat: the monthly visits table with the change on the year before, top
pages, referrers, devices, a chart, and the same tables as XLSX."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_GET

from alliance.core import downloads
from alliance.core.bounds import parse_year
from alliance.core.permissions import permission_required
from alliance.core.spreadsheets import Table, tables_xlsx
from alliance.info.models import CountKind, Device
from alliance.info.queries import analytics as queries

PERMISSION = "info.view_analytics"
EARLIEST, LATEST = 2000, 2100


def _year(request) -> int:
    """The year asked for (?year=), this year when none; 404 for anything that is not a year in range."""
    value = request.GET.get("year", "")
    if not value:
        return timezone.localdate().year
    year = parse_year(value, low=EARLIEST, high=LATEST)
    if year is None:
        raise Http404
    return year


def _report(year: int) -> dict:
    years = sorted({*queries.years_with_visits(), year})
    table = queries.monthly_table(years)
    device_names = dict(Device.choices)
    devices = queries.counted(CountKind.DEVICE, year, limit=None)
    return {
        "year": year,
        "years": years,
        "table": table,
        "selected": next(row for row in table if row.year == year),
        "pages": queries.counted(CountKind.PAGE, year, limit=20),
        "referrers": queries.counted(CountKind.REFERRER, year, limit=20),
        "devices": [(device_names.get(row.key, row.key), row) for row in devices],
        "views": queries.views_of_year(year),
        "last_counted": queries.last_counted_day(),
    }


def _counted_headers(first) -> list:
    return [first, pgettext("analytics", "Views"), pgettext("analytics", "Visits"), pgettext("analytics", "Share (%)")]


def _chart_data(report: dict) -> dict:
    return {
        "labels": [f"{month}월" for month in queries.MONTHS],  # as the old report's columns
        "visits_label": pgettext("analytics", "Visits"),
        "series": [{"label": str(row.year), "visits": row.months} for row in report["table"]],
    }


@permission_required(PERMISSION)
@require_GET
def analytics(request):
    report = _report(_year(request))
    return render(request, "info/analytics/report.html", {**report, "chart_data": _chart_data(report)})


@permission_required(PERMISSION)
@require_GET
def analytics_export(request):
    report = _report(_year(request))
    month_headers = [f"{month}월" for month in queries.MONTHS]
    tables = [
        Table(
            _("Monthly visits"),
            [_("Year"), *month_headers, pgettext("analytics", "Total")],
            [[row.year, *row.months, row.total] for row in report["table"]],
        ),
        Table(
            _("Top pages %(year)s") % {"year": report["year"]},
            ["URL", pgettext("analytics", "Views"), pgettext("analytics", "Share (%)")],
            [[row.key, row.views, float(row.share or 0)] for row in report["pages"]],
        ),
        Table(
            _("Referrers %(year)s") % {"year": report["year"]},
            _counted_headers(pgettext("analytics", "Referrer")),
            [[row.key, row.views, row.visits, float(row.share or 0)] for row in report["referrers"]],
        ),
        Table(
            _("Devices %(year)s") % {"year": report["year"]},
            _counted_headers(pgettext("analytics", "Device")),
            [[name, row.views, row.visits, float(row.share or 0)] for name, row in report["devices"]],
        ),
    ]
    return downloads.file_response(
        tables_xlsx(tables), filename=f"homepage-visits-{report['year']}.xlsx", content_type=downloads.XLSX
    )
