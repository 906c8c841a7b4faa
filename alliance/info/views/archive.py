"""The public report archive (`/metabus_trends_reports`): the list as in seed 001 (연번, 게시일, 발행기관, 제목)
with filters by publisher, year and tag, its XLSX export, a page per report and its files' downloads.

The list's `q` belongs to the search box: `matching_reports` narrows the list to the search's matches, so a
search plugs into the same filters, paging and export.
"""

from django.core.paginator import Paginator
from django.db.models import QuerySet
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
from alliance.info.queries.archive import filtered_reports, listed, report_files

PAGE_SIZE = 20
MANAGE = "info.manage_archive"


def matching_reports(request) -> QuerySet | None:
    """The reports the search box's `q` matches, or None for no search (every report). The archive's search
    plugs in here."""
    return None


def _reports(request):
    form = ArchiveFilterForm(request.GET)
    filters = form.filters()
    return form, filters, filtered_reports(filters, within=matching_reports(request))


def _query_string(request) -> str:
    """The list's parameters other than the page, for the pager's and the export's links."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@public
@require_GET
def archive_list(request):
    form, filters, reports = _reports(request)
    page = Paginator(listed(reports), PAGE_SIZE).get_page(request.GET.get("page"))
    first_number = page.paginator.count - page.start_index() + 1 if page.paginator.count else 0
    rows = [(first_number - index, report) for index, report in enumerate(page)]
    context = {
        "form": form,
        "filters": filters,
        "page": page,
        "rows": rows,
        "query_string": _query_string(request),
        "can_manage": request.user.has_perm(MANAGE),
    }
    return render(request, "info/archive/list.html", context)


@public
@require_GET
def archive_export(request):
    """The list as filtered, oldest first as seed 001 numbers it (연번 1 = the oldest), as XLSX."""
    _form, _filters, reports = _reports(request)
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
    report = get_object_or_404(Report.objects.select_related("publisher"), pk=pk)
    files = report_files(report)
    can_manage = request.user.has_perm(MANAGE)
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
    """A report's file as a download under its own name; an earlier version for staff only."""
    report_file = get_object_or_404(ReportFile, pk=pk)
    if not report_file.is_current and not request.user.has_perm(MANAGE):
        raise Http404
    try:
        stream = report_file.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return file_response(stream, filename=report_file.original_name, content_type=None)
