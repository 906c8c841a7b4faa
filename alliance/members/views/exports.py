"""Exports as XLSX or CSV: the staff registry (every column, contacts too) and the public directory.

The directory export is public and honours the directory page's filters; it never holds contacts or
registration numbers. The registry export is the secretariat's (404 for anyone else).
"""

import tempfile

from django.http import FileResponse, Http404
from django.views.decorators.http import require_GET

from alliance.core import downloads
from alliance.core.permissions import permission_required, public
from alliance.members import queries
from alliance.members.forms.organisation import DirectoryFilterForm, RegistryFilterForm
from alliance.members.services import exporting


def _format(fmt: str) -> str:
    if fmt not in exporting.FORMATS:
        raise Http404
    return fmt


def _download(fmt: str, kind: str, headers, rows) -> FileResponse:
    handle = tempfile.TemporaryFile()  # noqa: SIM115  FileResponse closes it once sent
    exporting.write(fmt, headers, rows, handle)
    handle.seek(0)
    name = exporting.export_file_name(kind, fmt)
    ascii_name = name.replace("회원사_목록", "members").replace("회원사_명부", "registry")
    return downloads.file_response(handle, filename=name, ascii_name=ascii_name, content_type=exporting.FORMATS[fmt])


@public
@require_GET
def directory_export(request, fmt: str):
    fmt = _format(fmt)
    form = DirectoryFilterForm(request.GET, field_names=queries.business_field_names())
    organisations = queries.directory_organisations(form.values())
    return _download(fmt, "directory", exporting.DIRECTORY_HEADERS, exporting.directory_rows(organisations))


@permission_required("members.manage_registry")
@require_GET
def registry_export(request, fmt: str):
    fmt = _format(fmt)
    organisations = queries.registry_organisations(RegistryFilterForm(request.GET).values())
    rows = exporting.registry_rows(organisations.prefetch_related("fields", "contacts"))
    return _download(fmt, "registry", exporting.REGISTRY_HEADERS, rows)
