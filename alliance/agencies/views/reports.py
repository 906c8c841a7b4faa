"""The quarterly report form: per plan item what was done, its photos and files, and the submission."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from alliance.agencies import queries
from alliance.agencies.forms import ReportEntryForm, ReportFileForm
from alliance.agencies.models import PlanItem, ReportEntry
from alliance.agencies.services import reports
from alliance.agencies.views.common import WORK, agency_for, error_text, quarter_of, report_file_for
from alliance.core.downloads import file_response
from alliance.core.permissions import POST, permission_required
from alliance.core.versions import LOADED_FIELD, StaleEditError


def _rows(agency, year: int, quarter: int, report, data=None) -> list[dict]:
    """One row per plan item of the year (those running in the quarter first): its entry form and files."""
    items = list(PlanItem.objects.filter(plan__agency=agency, plan__year=year).select_related("plan"))
    items.sort(key=lambda item: (not item.runs_in_quarter(quarter), item.heading, item.start_month, item.pk))
    entries = {
        entry.plan_item_id: entry for entry in ReportEntry.objects.filter(report=report).prefetch_related("files")
    }
    rows = []
    for item in items:
        entry = entries.get(item.pk)
        form = ReportEntryForm(data, instance=entry, prefix=f"item{item.pk}")
        rows.append({"item": item, "form": form, "files": list(entry.files.all()) if entry else []})
    return rows


@permission_required(WORK, object_level=True)
def report_page(request, pk: int, year: int, quarter: int):
    agency, quarter = agency_for(request, pk), quarter_of(quarter)
    report = reports.report_of(agency, year, quarter)
    rows = _rows(agency, year, quarter, report, request.POST if request.method == "POST" else None)
    if request.method == "POST" and all(row["form"].is_valid() for row in rows):
        changed = [row for row in rows if set(row["form"].changed_data) - {LOADED_FIELD}]
        try:
            reports.save_report(
                actor=request.user,
                agency=agency,
                year=year,
                quarter=quarter,
                entries={row["item"].pk: row["form"].cleaned_data for row in changed},
                expected_versions={row["item"].pk: row["form"].loaded_version for row in changed},
            )
        except StaleEditError as error:
            for row in rows:
                if row["item"].pk in error.items:
                    row["form"].stale(StaleEditError(current_version=error.items[row["item"].pk]))
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Report saved. Submit it when it is complete."))
            return redirect("agencies:report", pk=agency.pk, year=year, quarter=quarter)
    context = {
        "agency": agency,
        "year": year,
        "quarter": quarter,
        "report": report,
        "rows": rows,
        "editable": report is None or report.editable,
        "deadline": queries.deadline_for(year, quarter),
        "file_form": ReportFileForm(),
    }
    return render(request, "agencies/report.html", context)


@permission_required(WORK, object_level=True, methods=POST, scope=agency_for)
def report_file_add(request, pk: int, year: int, quarter: int):
    agency, quarter = agency_for(request, pk), quarter_of(quarter)
    form = ReportFileForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a photo or file to upload."))
    else:
        try:
            reports.add_report_file(
                actor=request.user,
                agency=agency,
                year=year,
                quarter=quarter,
                item_id=form.cleaned_data["item"],
                upload=form.cleaned_data["file"],
            )
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("File attached."))
    return redirect("agencies:report", pk=agency.pk, year=year, quarter=quarter)


@permission_required(WORK, object_level=True, methods=("GET",), scope=report_file_for)
def report_file(request, pk: int):
    file = report_file_for(request, pk)
    return file_response(file.file.open("rb"), filename=file.original_name, content_type=None, no_store=True)


@permission_required(WORK, object_level=True, methods=POST, scope=report_file_for)
def report_file_delete(request, pk: int):
    file = report_file_for(request, pk)
    report = file.entry.report
    try:
        reports.remove_report_file(actor=request.user, file=file)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("File removed."))
    return redirect("agencies:report", pk=report.agency_id, year=report.year, quarter=report.quarter)


@permission_required(WORK, object_level=True, methods=POST, scope=agency_for)
def report_submit(request, pk: int, year: int, quarter: int):
    agency, quarter = agency_for(request, pk), quarter_of(quarter)
    report = reports.report_of(agency, year, quarter)
    try:
        if report is None:
            raise ValidationError(_("Describe what was done for at least one plan item before submitting."))
        reports.submit_report(actor=request.user, report=report)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The report has been submitted to the secretariat."))
    return redirect("agencies:report", pk=agency.pk, year=year, quarter=quarter)
