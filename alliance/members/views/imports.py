"""The secretariat's import page: upload a spreadsheet, follow its progress, read its problems.

Everyone but the secretariat gets 404.
"""

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from alliance.core import downloads
from alliance.core.confirm import ORGANISATIONS, Confirmation, confirmation_gate
from alliance.core.permissions import permission_required
from alliance.members.forms.imports import ImportUploadForm
from alliance.members.models import ImportJob, Organisation
from alliance.members.services.import_progress import RUNNING, with_live_progress
from alliance.members.services.import_template import template_xlsx
from alliance.members.services.importing_jobs import UPLOAD_DISCARDED, import_checked_file, start_import
from alliance.members.services.importing_run import MAX_STORED_PROBLEMS

RECENT_PAGE_SIZE = 20


@permission_required("members.manage_registry")
def imports(request):
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = start_import(
            actor=request.user,
            upload=form.cleaned_data["file"],
            dry_run=True,  # every upload is checked first; import_apply imports it once staff confirm the counts
            skip_invalid=form.cleaned_data["skip_invalid"],
        )
        return redirect("members:import_detail", pk=job.pk)
    jobs = ImportJob.objects.select_related("created_by").defer("problems")
    page = Paginator(jobs, RECENT_PAGE_SIZE).get_page(request.GET.get("page"))
    for job in page:
        with_live_progress(job)
    status = 400 if form.errors else 200
    return render(request, "members/imports/index.html", {"form": form, "page": page}, status=status)


def _job(request, pk: int) -> ImportJob:
    """The job with its latest progress reading (the cache sees into a running write transaction)."""
    return with_live_progress(get_object_or_404(ImportJob.objects.select_related("created_by"), pk=pk))


def _context(job: ImportJob) -> dict:
    return {
        "job": job,
        "running": job.status in RUNNING,
        "truncated": len(job.row_problems) >= MAX_STORED_PROBLEMS,
    }


@permission_required("members.manage_registry")
@require_GET
def import_detail(request, pk: int):
    return render(request, "members/imports/detail.html", _context(_job(request, pk)))


@permission_required("members.manage_registry")
@require_GET
def import_progress(request, pk: int):
    """The progress partial htmx polls every second; once the import ends it returns the outcome."""
    return render(request, "members/imports/detail.html#status", _context(_job(request, pk)))


@permission_required("members.manage_registry")
@require_GET
def import_report(request, pk: int):
    job = _job(request, pk)
    if not job.rejected_report:
        raise Http404
    name = f"{job.original_name.rsplit('.', 1)[0]}_오류행.xlsx"
    return downloads.file_response(job.rejected_report.open("rb"), filename=name, content_type=downloads.XLSX)


@permission_required("members.manage_registry")
@require_GET
def import_template(request):
    """The member-list template: the header row and one example row, as the importer reads them."""
    response = HttpResponse(template_xlsx(), content_type=downloads.XLSX)
    response["Content-Disposition"] = downloads.content_disposition("회원사_명부_양식.xlsx")
    return response


def _import_confirmation(checked: ImportJob) -> Confirmation:
    refusals, warnings = [], []
    if not checked.dry_run or checked.status != ImportJob.Status.DONE:
        refusals.append(_("Only a finished check can be imported."))
    elif not checked.upload:
        refusals.append(UPLOAD_DISCARDED)
    done = ImportJob.objects.filter(upload=checked.upload.name, dry_run=False).order_by("-created_at").first()
    if done is not None:
        when = date_format(done.created_at, "SHORT_DATETIME_FORMAT")
        refusals.append(_("This file was already imported (%(when)s).") % {"when": when})
    if checked.rejected_count:
        warnings.append(
            _("%(count)s invalid rows are skipped; they are in the rejected rows report.")
            % {"count": f"{checked.rejected_count:,}"}
        )
    if checked.finished_at and Organisation.objects.filter(updated_at__gt=checked.finished_at).exists():
        warnings.append(_("The registry changed since the check: the numbers may differ a little."))
    return Confirmation(
        title=_("Import the checked file"),
        summary=_(
            "“%(name)s” is imported as checked: %(created)s organisations are created, %(updated)s updated and "
            "%(unchanged)s left unchanged."
        )
        % {
            "name": checked.original_name,
            "created": f"{checked.created_count:,}",
            "updated": f"{checked.updated_count:,}",
            "unchanged": f"{checked.unchanged_count:,}",
        },
        count=checked.created_count + checked.updated_count,
        unit=ORGANISATIONS,
        warnings=warnings,
        refusals=refusals,
        cancel_url=reverse("members:import_detail", args=[checked.pk]),
        confirm_label=_("Import the file"),
    )


@permission_required("members.manage_registry")
@require_POST
def import_apply(request, pk: int):
    """Import for real a file that a check-only job validated, once staff confirmed its counts."""
    checked = get_object_or_404(ImportJob, pk=pk)
    if (page := confirmation_gate(request, _import_confirmation(checked))) is not None:
        return page
    job = import_checked_file(actor=request.user, checked=checked)
    return redirect("members:import_detail", pk=job.pk)
