"""Uploaded images checked and stored, and stored images served so that they can be cached and can never act
as a page.

Rules:
- An uploaded image (`checked_image`) is a PNG or JPEG (no SVG: nothing in it can run) read by Pillow — a file
  that merely claims to be an image is refused — within the caller's byte and side limits; it is stored under the
  SHA-256 of its bytes with the extension of the format Pillow found (`store_image`), so a new file is a new name.
- Only the caller's allow-listed names reach `image_response`, with the content type derived from the name
  (`image_content_type`, never from the request). The response forbids running or loading anything if the file is
  opened on its own (a sandbox CSP, which also covers an SVG), and a content-addressed name may be cached for a
  year.
"""

import hashlib
import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _
from PIL import Image

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


IMAGE_EXTENSIONS = {"PNG": "png", "JPEG": "jpg"}
IMAGE_CONTENT_TYPES = {"png": "image/png", "jpg": "image/jpeg"}


def checked_image(upload, *, max_bytes: int, max_side: int) -> tuple[bytes, str]:
    """(content, stored extension) of an uploaded PNG or JPEG image; ValidationError saying what is wrong."""
    if upload.size > max_bytes:
        raise ValidationError(
            _("The image may be at most %(megabytes)s MB; this file is larger.") % {"megabytes": max_bytes // 2**20},
            code="image_size",
        )
    upload.seek(0)
    content = upload.read(max_bytes + 1)
    upload.seek(0)
    try:
        with Image.open(io.BytesIO(content)) as image:
            image.verify()
            found, (width, height) = image.format, image.size
    except Exception as error:  # Pillow raises many kinds of error for a damaged or foreign file
        raise ValidationError(_("The image is not a PNG or JPEG file."), code="image_format") from error
    if found not in IMAGE_EXTENSIONS:
        raise ValidationError(_("The image must be a PNG or JPEG file."), code="image_format")
    if not (0 < width <= max_side and 0 < height <= max_side):
        raise ValidationError(
            _("The image may be at most %(side)s × %(side)s pixels.") % {"side": max_side}, code="image_side"
        )
    return content, IMAGE_EXTENSIONS[found]


def store_image(content: bytes, extension: str, *, directory: str) -> str:
    """Store the image's bytes under their hash in `directory` (once) and return the stored name."""
    name = f"{directory}{hashlib.sha256(content).hexdigest()}.{extension}"
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(content))
    return name


def image_content_type(name: str) -> str:
    return IMAGE_CONTENT_TYPES[name.rsplit(".", 1)[-1]]
