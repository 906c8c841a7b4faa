"""Documents of a programme: the staff's page of downloads, the PDFs (result sheet, award certificates,
one-page evaluation summary) and the XLSX exports (applications, a judge's score sheet, results); and a
judge's own score sheet. Staff pages answer 404 to anyone else; a judge gets only their own sheet."""

from urllib.parse import quote

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from alliance.core.rules import require_secretariat
from alliance.programs.documents import pdfs, xlsx
from alliance.programs.documents.queries import document_panels, judges_on
from alliance.programs.models import Panel, Programme
from alliance.programs.rules_judging import evaluator_panel

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF = "application/pdf"


def _file(content: bytes, content_type: str, name: str, ascii_name: str, *, inline: bool = False) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f"{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
    response["Cache-Control"] = "private, no-store"
    return response


def _staff_programme(request, pk: int) -> Programme:
    require_secretariat(request.user)
    return get_object_or_404(Programme, pk=pk)


def _staff_panel(request, pk: int) -> Panel:
    require_secretariat(request.user)
    return get_object_or_404(Panel.objects.select_related("programme"), pk=pk)


def _file_words(panel: Panel) -> dict:
    return {"year": panel.programme.year, "panel": panel.get_kind_display()}


def _panel_label(panel: Panel) -> str:
    return {Panel.Kind.SCREENING: "screening", Panel.Kind.FINAL: "final"}.get(panel.kind, panel.kind)


@login_required
@require_GET
def programme_documents(request, pk: int):
    programme = _staff_programme(request, pk)
    return render(
        request,
        "programs/documents/index.html",
        {"programme": programme, "panels": document_panels(programme)},
    )


@login_required
@require_GET
def applications_xlsx(request, pk: int):
    programme = _staff_programme(request, pk)
    name = _("%(year)s applications.xlsx") % {"year": programme.year}
    return _file(xlsx.applications_xlsx(programme), XLSX, name, f"{programme.year}-applications.xlsx")


@login_required
@require_GET
def evaluation_summary_pdf(request, pk: int):
    programme = _staff_programme(request, pk)
    name = _("%(year)s evaluation summary.pdf") % {"year": programme.year}
    content = pdfs.summary_pdf(programme, request=request)
    return _file(content, PDF, name, f"{programme.year}-evaluation-summary.pdf", inline=True)


@login_required
@require_GET
def result_sheet_pdf(request, pk: int):
    panel = _staff_panel(request, pk)
    label = _panel_label(panel)
    name = _("%(year)s result sheet (%(panel)s).pdf") % {
        "year": panel.programme.year,
        "panel": panel.get_kind_display(),
    }
    content = pdfs.result_sheet_pdf(panel, request=request)
    return _file(content, PDF, name, f"{panel.programme.year}-result-sheet-{label}.pdf", inline=True)


@login_required
@require_GET
def results_xlsx(request, pk: int):
    panel = _staff_panel(request, pk)
    label = _panel_label(panel)
    name = _("%(year)s results (%(panel)s).xlsx") % _file_words(panel)
    return _file(xlsx.results_xlsx(panel), XLSX, name, f"{panel.programme.year}-results-{label}.xlsx")


@login_required
@require_GET
def certificates_pdf(request, pk: int):
    panel = _staff_panel(request, pk)
    name = _("%(year)s award certificates.pdf") % {"year": panel.programme.year}
    content = pdfs.certificates_pdf(panel, request=request)
    return _file(content, PDF, name, f"{panel.programme.year}-certificates.pdf", inline=True)


@login_required
@require_GET
def judge_scores_xlsx(request, pk: int, judge: int):
    panel = _staff_panel(request, pk)
    user = get_object_or_404(get_user_model(), pk=judge)
    if not judges_on(panel, user):
        raise Http404
    return _score_sheet(panel, user)


@login_required
@require_GET
def my_scores_xlsx(request, pk: int):
    """The signed-in judge's own scores on a panel of a programme they take part in (404 otherwise)."""
    panel = evaluator_panel(request.user, pk)
    return _score_sheet(panel, request.user)


def _score_sheet(panel: Panel, user) -> HttpResponse:
    name = _("%(year)s score sheet %(judge)s.xlsx") % {"year": panel.programme.year, "judge": user.name}
    ascii_name = f"{panel.programme.year}-scores-{_panel_label(panel)}-{user.pk}.xlsx"
    return _file(xlsx.judge_scores_xlsx(panel, user), XLSX, name, ascii_name)
