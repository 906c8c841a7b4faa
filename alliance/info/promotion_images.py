"""What a partner agency's promotion image may be, and how it is stored.

Rule: a PNG or JPEG image (no SVG, nothing in it can run), at most `PROMOTION_IMAGE_MAX_BYTES` (2 MB) and
`PROMOTION_IMAGE_MAX_SIDE` (4096) pixels a side, read by Pillow (a file that merely claims to be an image is
refused). It is stored under the SHA-256 of its bytes, `info/promotions/<hash>.<png|jpg>`, with the extension
of the format Pillow found, and served only through `views.promotions.promotion_image` (core/files.py's
image response: sandboxed, cached).
"""

import hashlib
import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _
from PIL import Image

IMAGE_DIR = "info/promotions/"
PROMOTION_IMAGE_MAX_BYTES = 2 * 1024 * 1024
PROMOTION_IMAGE_MAX_SIDE = 4096
EXTENSIONS = {"PNG": "png", "JPEG": "jpg"}
CONTENT_TYPES = {"png": "image/png", "jpg": "image/jpeg"}


def checked_image(upload) -> tuple[bytes, str]:
    """(content, stored extension) of an uploaded promotion image; ValidationError saying what is wrong."""
    if upload.size > PROMOTION_IMAGE_MAX_BYTES:
        raise ValidationError(_("The image may be at most 2 MB; this file is larger."), code="image_size")
    upload.seek(0)
    content = upload.read(PROMOTION_IMAGE_MAX_BYTES + 1)
    upload.seek(0)
    try:
        with Image.open(io.BytesIO(content)) as image:
            image.verify()
            found, (width, height) = image.format, image.size
    except Exception as error:  # Pillow raises many kinds of error for a damaged or foreign file
        raise ValidationError(_("The image is not a PNG or JPEG file."), code="image_format") from error
    if found not in EXTENSIONS:
        raise ValidationError(_("The image must be a PNG or JPEG file."), code="image_format")
    if not (0 < width <= PROMOTION_IMAGE_MAX_SIDE and 0 < height <= PROMOTION_IMAGE_MAX_SIDE):
        raise ValidationError(_("The image may be at most 4096 × 4096 pixels."), code="image_side")
    return content, EXTENSIONS[found]


def store_image(content: bytes, extension: str) -> str:
    """Store the image's bytes under their hash (once) and return the stored name."""
    name = f"{IMAGE_DIR}{hashlib.sha256(content).hexdigest()}.{extension}"
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(content))
    return name


def content_type_of(name: str) -> str:
    return CONTENT_TYPES[name.rsplit(".", 1)[-1]]
