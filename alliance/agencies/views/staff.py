"""The secretariat's pages: the agencies, one agency, the reporting grid, the review of a report, deadlines
and the workbook of accepted reports."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.agencies import queries
from alliance.agencies.exports import accepted_reports_xlsx
from alliance.agencies.forms import AgencyForm, DeadlineForm, LiaisonForm, ReviewForm
from alliance.agencies.models import Agency, LinkagePlan, QuarterDeadline, QuarterlyReport, ReportEntry
from alliance.agencies.services import agencies as agency_services
from alliance.agencies.services import reminders, reports
from alliance.agencies.views.common import error_text
from alliance.agencies.views.home import agency_overview, year_from
from alliance.core.audit import action_label, history_of
from alliance.core.delivery.progress import progress_of
from alliance.core.downloads import XLSX, file_response
from alliance.core.permissions import permission_required
from alliance.core.versions import StaleEditError

MANAGE = "agencies.manage_agencies"


@permission_required(MANAGE)
def agency_list(request):
    form = AgencyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            agency_services.create_agency(actor=request.user, **form.cleaned_data)
        except IntegrityError:
            messages.error(request, _("An agency with this name or short name exists already."))
        else:
            messages.success(request, _("Agency added."))
            return redirect("agencies:agency_list")
    year = timezone.localdate().year
    agencies = Agency.objects.prefetch_related("liaisons__user").order_by("-active", "short_name")
    return render(request, "agencies/staff/list.html", {"agencies": agencies, "form": form, "year": year})


@permission_required(MANAGE)
def agency_detail(request, pk: int):
    agency = get_object_or_404(Agency, pk=pk)
    form = LiaisonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            agency_services.add_liaison(actor=request.user, agency=agency, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("email", error_text(error))
        else:
            messages.success(request, _("Liaison added. They set a password through “Forgot your password?”."))
            return redirect("agencies:agency_detail", pk=agency.pk)
    year = year_from(request, timezone.localdate().year)
    years = sorted(
        set(LinkagePlan.objects.filter(agency=agency).values_list("year", flat=True))
        | set(QuarterlyReport.objects.filter(agency=agency).values_list("year", flat=True))
        | {year},
        reverse=True,
    )
    context = agency_overview(agency, year) | {
        "liaisons": agency.liaisons.select_related("user"),
        "form": form,
        "years": years,
    }
    return render(request, "agencies/staff/detail.html", context)


@permission_required(MANAGE)
def report_grid(request, year: int):
    as_of = timezone.localdate()
    due = queries.deadlines(year)
    context = {"year": year, "rows": queries.report_grid(year, as_of), "as_of": as_of, "quarters": due.items()}
    return render(request, "agencies/staff/grid.html", context)


@permission_required(MANAGE)
def report_review(request, pk: int):
    report = get_object_or_404(QuarterlyReport.objects.select_related("agency", "reviewed_by", "submitted_by"), pk=pk)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            reports.review_report(actor=request.user, report=report, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Review saved."))
            return redirect("agencies:report_review", pk=report.pk)
    entries = ReportEntry.objects.filter(report=report).select_related("plan_item__plan").prefetch_related("files")
    context = {
        "report": report,
        "entries": entries,
        "form": form,
        "deadline": queries.deadline_for(report.year, report.quarter),
        "history": [(entry, action_label(entry.action)) for entry in history_of(report).select_related("actor")[:20]],
    }
    return render(request, "agencies/staff/review.html", context)


@permission_required(MANAGE)
def deadlines(request, year: int):
    current = queries.deadlines(year)
    form = DeadlineForm(request.POST or None, initial_dates=current, version=queries.deadlines_version(year))
    if request.method == "POST" and form.is_valid():
        try:
            reports.set_deadlines(
                actor=request.user,
                year=year,
                dates={quarter: form.cleaned_data[f"q{quarter}"] for quarter in current},
                expected_version=form.loaded_version,
            )
        except StaleEditError as error:
            form.stale(error)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Deadlines saved."))
            return redirect("agencies:report_grid", year=year)
    reminded = QuarterDeadline.objects.filter(year=year).order_by("-quarter")
    deliveries = [progress for row in reminded for progress in progress_of(row, (reminders.MAILING,))]
    return render(request, "agencies/staff/deadlines.html", {"year": year, "form": form, "deliveries": deliveries})


@permission_required(MANAGE)
def accepted_xlsx(request, year: int):
    filename = _("accepted-agency-reports-%(year)s.xlsx") % {"year": year}
    return file_response(accepted_reports_xlsx(year), filename=filename, content_type=XLSX)
