"""The public report archive (`/metabus_trends_reports`): the list as in seed 001 (연번, 게시일, 발행기관, 제목)
with filters by publisher, year and tag, its XLSX export, a page per report and its files' downloads.

The list's `q` is the search box (alliance/info/queries/archive_search.py): with a query the list holds the
reports matching it within the filters, best first, each with its matching passage marked; the export then
holds the same reports.
"""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from alliance.core.downloads import XLSX, file_response
from alliance.core.permissions import public
from alliance.core.spreadsheets import table_xlsx
from alliance.info.forms.archive import ArchiveFilterForm
from alliance.info.models import Report, ReportFile
from alliance.info.queries.archive import filtered_reports, listed, report_files, shown
from alliance.info.queries.archive_search import clean_query, matches_for, matching_report_ids

PAGE_SIZE = 20
MANAGE = "info.manage_archive"


def _query_string(request) -> str:
    """The list's parameters other than the page, for the pager's and the export's links."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@public
@require_GET
def archive_list(request):
    form = ArchiveFilterForm(request.GET)
    filters = form.filters()
    query = clean_query(request.GET.get("q"))
    ranked = matching_report_ids(query, filters) if query else None
    if ranked is None:  # no search: the list, newest first, numbered as seed 001 (the oldest is 1)
        page = Paginator(shown(filtered_reports(filters)), PAGE_SIZE).get_page(request.GET.get("page"))
        first_number = page.paginator.count - page.start_index() + 1 if page.paginator.count else 0
        rows = [(first_number - index, report, None) for index, report in enumerate(page)]
    else:  # a search: best first, numbered from the best
        page = Paginator(ranked, PAGE_SIZE).get_page(request.GET.get("page"))
        matches = matches_for(query, list(page.object_list))
        rows = [(page.start_index() + index, match.report, match.snippet) for index, match in enumerate(matches)]
    context = {
        "form": form,
        "filters": filters,
        "query": query,
        "searched": ranked is not None,
        "page": page,
        "rows": rows,
        "query_string": _query_string(request),
        "can_manage": request.user.has_perm(MANAGE),
    }
    return render(request, "info/archive/list.html", context)


@public
@require_GET
def archive_export(request):
    """The list as filtered (and searched), oldest first as seed 001 numbers it (연번 1 = the oldest), as XLSX."""
    filters = ArchiveFilterForm(request.GET).filters()
    ranked = matching_report_ids(clean_query(request.GET.get("q")), filters)
    reports = filtered_reports(filters) if ranked is None else Report.objects.filter(pk__in=ranked)
    rows = [
        (number, report.posted_on, report.publisher.name, report.title, ", ".join(report.tag_names), report.source_url)
        for number, report in enumerate(listed(reports).order_by("posted_on", "id"), start=1)
    ]
    headers = (_("No."), _("Posted on"), _("Publisher"), _("Title"), _("Tags"), _("Source link"))
    content = table_xlsx(headers, rows, title=_("Report archive"))
    name = _("report-archive-%(date)s.xlsx") % {"date": timezone.localdate().isoformat()}
    return file_response(content, filename=name, content_type=XLSX)


@public
@require_GET
def archive_report(request, pk: int):
    can_manage = request.user.has_perm(MANAGE)
    reports = Report.objects.select_related("publisher")
    report = get_object_or_404(reports if can_manage else reports.filter(published=True), pk=pk)
    files = report_files(report)
    context = {
        "report": report,
        "current_files": [report_file for report_file in files if report_file.is_current],
        "earlier_files": [report_file for report_file in files if not report_file.is_current] if can_manage else [],
        "tags": report.tag_names,
        "source_url": report.source_url if report.source_url.startswith(("http://", "https://")) else "",
        "can_manage": can_manage,
    }
    return render(request, "info/archive/report.html", context)


@public
@require_GET
def archive_file(request, pk: int):
    """A report's file as a download under its own name; an earlier version, or a file of a report taken off the
    site, for staff only."""
    report_file = get_object_or_404(ReportFile.objects.select_related("report"), pk=pk)
    hidden = not report_file.is_current or not report_file.report.published
    if hidden and not request.user.has_perm(MANAGE):
        raise Http404
    try:
        stream = report_file.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return file_response(stream, filename=report_file.original_name, content_type=None)
