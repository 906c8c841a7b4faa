"""Downloads: the meeting pack (DOCX, PDF), a meeting's minutes (DOCX, PDF; `?v=` an earlier version), a
body's year of confirmed minutes (DOCX), and the photos and attachments of minutes."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from alliance.core.bounds import parse_id
from alliance.core.downloads import DOCX, PDF, file_response
from alliance.core.permissions import permission_required, require_object_permission
from alliance.governance.documents.docx_builders import meeting_pack_docx, minutes_docx, year_minutes_docx
from alliance.governance.documents.pdfs import meeting_pack_pdf, minutes_pdf
from alliance.governance.models import Body, Meeting, MinutesFile, MinutesState
from alliance.governance.queries import minutes as queries


def _meeting(request, pk, permission) -> Meeting:
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    require_object_permission(request.user, permission, meeting)
    return meeting


def _file_stem(meeting: Meeting) -> str:
    return f"{meeting.body.year}_{meeting.body.name}_{meeting.number}차"


@permission_required("governance.view_meeting_pack", object_level=True)
def meeting_pack_download(request, pk, document_format):
    meeting = _meeting(request, pk, "governance.view_meeting_pack")
    name = f"{_file_stem(meeting)}_회의자료"
    if document_format == "pdf":
        return file_response(
            meeting_pack_pdf(meeting, request=request), filename=f"{name}.pdf", content_type=PDF, inline=True
        )
    if document_format == "docx":
        return file_response(meeting_pack_docx(meeting), filename=f"{name}.docx", content_type=DOCX)
    raise Http404


def _version(request, meeting):
    minutes = queries.minutes_of(meeting)
    if minutes is None:
        raise Http404
    versions = minutes.versions.order_by("-number")
    if not request.user.has_perm("governance.change_minutes"):
        versions = versions.exclude(state=MinutesState.DRAFT)
    number = request.GET.get("v", "")
    if number:  # a version asked for: one no row can hold answers 404 below
        versions = versions.filter(number=parse_id(number) or 0)
    version = versions.first()
    if version is None:
        raise Http404
    return queries.version_content(version)


@permission_required("governance.view_minutes", object_level=True)
def minutes_download(request, pk, document_format):
    meeting = _meeting(request, pk, "governance.view_minutes")
    version = _version(request, meeting)
    name = f"{_file_stem(meeting)}_회의결과_v{version.number}"
    if document_format == "pdf":
        return file_response(
            minutes_pdf(version, request=request), filename=f"{name}.pdf", content_type=PDF, inline=True
        )
    if document_format == "docx":
        return file_response(minutes_docx(version), filename=f"{name}.docx", content_type=DOCX)
    raise Http404


@permission_required("governance.view_body_minutes", object_level=True)
def body_minutes_download(request, pk):
    body = get_object_or_404(Body, pk=pk)
    require_object_permission(request.user, "governance.view_body_minutes", body)
    return file_response(year_minutes_docx(body), filename=f"{body.year}_{body.name}_회의록.docx", content_type=DOCX)


@permission_required("governance.view_minutes", object_level=True)
def minutes_file(request, pk):
    """A photo or attachment of minutes the reader may see (a draft's files: staff only)."""
    row = get_object_or_404(MinutesFile.objects.select_related("version__minutes__meeting__body"), pk=pk)
    require_object_permission(request.user, "governance.view_minutes", row.version.minutes.meeting)
    if row.version.state == MinutesState.DRAFT and not request.user.has_perm("governance.change_minutes"):
        raise Http404
    return file_response(row.file.open("rb"), filename=row.original_name, content_type=None, no_store=True)
