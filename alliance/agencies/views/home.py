"""The liaison's "our agency" page: the year's plan, the four quarters' reports and deadlines."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from alliance.agencies import queries
from alliance.agencies.models import Agency, QuarterlyReport
from alliance.agencies.rules import liaison_agency_id
from alliance.agencies.services.plans import plan_of
from alliance.core.bounds import parse_year
from alliance.core.permissions import permission_required


def year_from(request, default: int) -> int:
    """?year=, when it is a plausible year, else the default."""
    return parse_year(request.GET.get("year"), low=2000) or default


def agency_overview(agency: Agency, year: int) -> dict:
    """The plan and the quarters' cells (state, deadline, report) of one agency's year."""
    today = timezone.localdate()
    due = queries.deadlines(year)
    reports = {report.quarter: report for report in QuarterlyReport.objects.filter(agency=agency, year=year)}
    quarters = []
    for quarter, deadline in due.items():
        state, late = queries.report_state(reports.get(quarter), deadline, today)
        quarters.append(queries.Cell(quarter, state, deadline, reports.get(quarter), late))
    return {"agency": agency, "year": year, "plan": plan_of(agency, year), "quarters": quarters}


@permission_required("agencies.view_own_agency")
def home(request):
    agency = Agency.objects.filter(pk=liaison_agency_id(request.user)).first()
    if agency is None:
        raise Http404
    year = year_from(request, timezone.localdate().year)
    return render(request, "agencies/home.html", agency_overview(agency, year) | {"years": (year - 1, year + 1)})
