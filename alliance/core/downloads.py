"""File downloads: the one way a view answers with a file, and the content types, named once.

Rule: every download names its file by RFC 6266. A Korean name travels as `filename*=UTF-8''…` (what
browsers use), preceded by an ASCII `filename="…"` for clients that ignore the starred form; an ASCII name
travels as `filename="…"` alone. PDFs meant to be printed open in the browser (`inline`); everything else is
an attachment. Responses holding personal data say `no_store` so that no shared cache keeps them.
"""

import re
from urllib.parse import quote

from django.http import FileResponse, HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import content_disposition_header

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CSV = "text/csv; charset=utf-8"
PDF = "application/pdf"
ICS = "text/calendar; charset=utf-8"
YAML = "application/yaml; charset=utf-8"
JSON = "application/json"
PNG = "image/png"
SVG = "image/svg+xml; charset=utf-8"

_NOT_QUOTABLE = re.compile(r"[^\x21-\x7e ]|[\"\\]")
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def ascii_file_name(name: str) -> str:
    """`name` with every character an old client could not read replaced by `_` (the extension stays)."""
    return _NOT_QUOTABLE.sub("_", name)


def content_disposition(filename: str, *, inline: bool = False, ascii_name: str | None = None) -> str:
    """The Content-Disposition value for `filename` (RFC 6266), with an ASCII fallback when it is not ASCII.

    `ascii_name`: the fallback to give instead of `filename` with its non-ASCII characters replaced.
    """
    header = content_disposition_header(not inline, filename)
    if filename.isascii():
        return header
    fallback = content_disposition_header(not inline, ascii_name or ascii_file_name(filename))
    return f"{fallback}; filename*=UTF-8''{quote(filename)}"


def file_response(
    content,
    *,
    filename: str,
    content_type: str | None,
    inline: bool = False,
    ascii_name: str | None = None,
    no_store: bool = False,
) -> HttpResponse:
    """`content` (bytes, text, or an open binary file, which the response closes once sent) as a download.

    `content_type`: one of this module's constants; None lets Django guess it from `filename` (uploads kept
    under their original name).
    """
    if hasattr(content, "read"):
        response = FileResponse(content, content_type=content_type, filename=filename)
    else:
        response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition(filename, inline=inline, ascii_name=ascii_name)
    if no_store:
        response["Cache-Control"] = "private, no-store"
    return response


def stored_file_response(
    request,
    file,
    *,
    etag: str,
    content_type: str,
    cache_control: str,
    compressed=None,
    filename: str | None = None,
) -> HttpResponse:
    """A stored file that never changes under its validator `etag` (the content's hash), for conditional GETs.

    304 Not Modified, without the body, when the request's If-None-Match names the representation it would get;
    else the file streamed. `compressed`: the same content gzip-compressed, sent (Content-Encoding: gzip, its
    own ETag) to clients that accept it. Both answers carry the ETag, `cache_control` and Vary: Accept-Encoding.
    `filename`: sent as an attachment under that name.
    """
    gzip = compressed is not None and _ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", ""))
    validator = f'"{etag}-gzip"' if gzip else f'"{etag}"'
    response = get_conditional_response(request, etag=validator)
    if response is None:
        response = FileResponse((compressed if gzip else file).open("rb"), content_type=content_type)
        if gzip:
            response["Content-Encoding"] = "gzip"
        if filename:
            response["Content-Disposition"] = content_disposition(filename)
    response["ETag"] = validator
    response["Cache-Control"] = cache_control
    patch_vary_headers(response, ("Accept-Encoding",))
    return response
