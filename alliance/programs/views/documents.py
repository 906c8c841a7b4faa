"""Documents of a programme: the staff's page of downloads, the PDFs (result sheet, award certificates,
one-page evaluation summary) and the XLSX exports (applications, a judge's score sheet, results); and a
judge's own score sheet. Staff pages answer 404 to anyone else; a judge gets only their own sheet."""

from django.contrib.auth import get_user_model
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from alliance.core import downloads
from alliance.core.permissions import permission_required
from alliance.programs.documents import files
from alliance.programs.documents.queries import document_panels, judges_on
from alliance.programs.models import Panel, Programme
from alliance.programs.rules.judging import evaluator_panel


def file_response(document: files.DocumentFile) -> HttpResponse:
    return downloads.file_response(
        document.build(),
        filename=document.name,
        ascii_name=document.ascii_name,
        content_type=document.content_type,
        inline=document.is_pdf,  # PDFs open in the browser to print
        no_store=True,
    )


def _programme(pk: int) -> Programme:
    return get_object_or_404(Programme, pk=pk)


def _panel(pk: int) -> Panel:
    return get_object_or_404(Panel.objects.select_related("programme"), pk=pk)


@permission_required("programs.manage_programme")
@require_GET
def programme_documents(request, pk: int):
    programme = _programme(pk)
    return render(
        request,
        "programs/documents/index.html",
        {"programme": programme, "panels": document_panels(programme)},
    )


@permission_required("programs.manage_programme")
@require_GET
def applications_xlsx(request, pk: int):
    return file_response(files.applications(_programme(pk)))


@permission_required("programs.manage_programme")
@require_GET
def evaluation_summary_pdf(request, pk: int):
    return file_response(files.evaluation_summary(_programme(pk), request=request))


@permission_required("programs.run_judging")
@require_GET
def result_sheet_pdf(request, pk: int):
    return file_response(files.result_sheet(_panel(pk), request=request))


@permission_required("programs.run_judging")
@require_GET
def results_xlsx(request, pk: int):
    return file_response(files.results(_panel(pk)))


@permission_required("programs.run_judging")
@require_GET
def certificates_pdf(request, pk: int):
    return file_response(files.certificates(_panel(pk), request=request))


@permission_required("programs.run_judging")
@require_GET
def judge_scores_xlsx(request, pk: int, judge: int):
    panel = _panel(pk)
    user = get_object_or_404(get_user_model(), pk=judge)
    if not judges_on(panel, user):
        raise Http404
    return file_response(files.score_sheet(panel, user))


@permission_required("programs.judge_panel", object_level=True)
@require_GET
def my_scores_xlsx(request, pk: int):
    """The signed-in judge's own scores on a panel of a programme they take part in (404 otherwise)."""
    panel = evaluator_panel(request.user, pk)
    return file_response(files.score_sheet(panel, request.user))
