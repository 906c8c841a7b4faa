"""The secretariat's import page: upload a spreadsheet, follow its progress, read its problems.

Everyone but the secretariat gets 404.
"""

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from alliance.core import downloads
from alliance.core.permissions import permission_required
from alliance.members.forms.imports import ImportUploadForm
from alliance.members.models import ImportJob
from alliance.members.services.import_progress import RUNNING, with_live_progress
from alliance.members.services.import_template import template_xlsx
from alliance.members.services.importing_jobs import start_import
from alliance.members.services.importing_run import MAX_STORED_PROBLEMS

RECENT_PAGE_SIZE = 20


@permission_required("members.manage_registry")
def imports(request):
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = start_import(
            actor=request.user,
            upload=form.cleaned_data["file"],
            dry_run=form.cleaned_data["dry_run"],
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
