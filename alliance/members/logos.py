"""What an organisation's logo may be, and how it is named and served.

Rules: a logo is a PNG, JPEG or WebP image (no SVG: nothing in it could run), at most 2 MB and 4096 pixels
a side, read by Pillow (a file that merely claims to be an image is refused). It is stored under the
SHA-256 of its bytes, `logos/<hash>.<png|jpg|webp>`, with the extension of the format Pillow found, so the
name says what is inside, never changes content and is served with a one-year cache lifetime by
`views.logos.logo_file` — the only route into MEDIA_ROOT, which also holds import sheets and reports.
"""

import hashlib
import io
import re

from django.utils.translation import gettext as _
from PIL import Image

LOGO_DIR = "logos/"
LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_MAX_SIDE = 4096
# Pillow format → stored extension; extension → served content type.
EXTENSIONS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}
CONTENT_TYPES = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp"}
# A stored logo's file name: content-addressed, or a name from before logos were (served, not cached long).
LOGO_FILE_NAME = re.compile(r"^(?P<stem>\w[\w-]*(?:\.[\w-]+)*)\.(?P<extension>png|jpe?g|webp)$")
CONTENT_ADDRESSED = re.compile(r"^[0-9a-f]{64}$")


class LogoError(ValueError):
    """A file that cannot be a logo; `message` says why, in the active language."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def logo_extension(content: bytes) -> str:
    """The stored extension of a logo file's content, or LogoError saying what is wrong with it."""
    if len(content) > LOGO_MAX_BYTES:
        raise LogoError(_("The logo may be at most 2 MB; this file is larger."))
    try:
        with Image.open(io.BytesIO(content)) as image:
            image.verify()
            found, (width, height) = image.format, image.size
    except Exception as error:  # Pillow raises many kinds of error for a damaged or foreign file
        raise LogoError(_("The logo is not an image. Upload a PNG, JPEG or WebP file.")) from error
    if found not in EXTENSIONS:
        raise LogoError(_("The logo must be a PNG, JPEG or WebP image."))
    if not (0 < width <= LOGO_MAX_SIDE and 0 < height <= LOGO_MAX_SIDE):
        raise LogoError(_("The logo may be at most 4096 × 4096 pixels."))
    return EXTENSIONS[found]


def logo_name(content: bytes) -> str:
    """The storage name of a logo's content: `logos/<sha256>.<extension>` (LogoError for a non-logo)."""
    return f"{LOGO_DIR}{hashlib.sha256(content).hexdigest()}.{logo_extension(content)}"
