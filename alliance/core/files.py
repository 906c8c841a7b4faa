"""Serving stored image files (logos) so that they can be cached and can never act as a page.

Rule: only the caller's allow-listed names reach here, with the content type the caller derived from the
name (never from the request). The response forbids running or loading anything if the file is opened on
its own (a sandbox CSP, which also covers an SVG), and a content-addressed name — a new file is a new name —
may be cached for a year.
"""

from django.core.files.storage import Storage
from django.http import FileResponse, Http404

ONE_YEAR = 365 * 24 * 3600
ONE_HOUR = 3600
# Opened on its own, an image (above all an SVG) is a document: it may run and load nothing.
IMAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox"


def image_response(storage: Storage, name: str, content_type: str, *, immutable: bool) -> FileResponse:
    """The stored file `name` as an image response; 404 when it is not in `storage`.

    `immutable`: the name is the content's hash, so caches may keep it for a year; otherwise an hour.
    """
    if not storage.exists(name):
        raise Http404
    response = FileResponse(storage.open(name, "rb"), content_type=content_type)
    response["Cache-Control"] = f"public, max-age={ONE_YEAR}, immutable" if immutable else f"public, max-age={ONE_HOUR}"
    response["Content-Security-Policy"] = IMAGE_CSP
    return response
