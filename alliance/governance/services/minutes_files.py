"""Which files minutes accept, checked by content: photos are JPEG or PNG images that Pillow reads; attachments
are what the competition accepts (PDF, HWP/HWPX, DOCX, PPTX; alliance/programs/uploads.py).

Rule: a photo's extension must agree with the format Pillow finds, at most MAX_UPLOAD_BYTES, and at most
8000 pixels a side; nothing that merely claims to be an image is stored.
"""

import io
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image

from alliance.core.korean import size_label
from alliance.governance.models import MinutesFileKind
from alliance.programs.uploads import check_attachment

PHOTO_FORMATS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG"}

PHOTO_MAX_SIDE = 8000


def check_photo(upload) -> str:
    """The photo's lower-case extension, or a ValidationError naming the file and the problem."""
    name = PurePath(upload.name or "").name
    extension = PurePath(name).suffix.lower().lstrip(".")
    if extension not in PHOTO_FORMATS:
        raise ValidationError(_("%(name)s: only JPEG and PNG photos are accepted.") % {"name": name})
    if upload.size > settings.MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("%(name)s: the file is larger than %(limit)s.")
            % {"name": name, "limit": size_label(settings.MAX_UPLOAD_BYTES)}
        )
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    try:
        with Image.open(io.BytesIO(content)) as image:
            image.verify()
            found, (width, height) = image.format, image.size
    except Exception as error:  # Pillow raises many kinds of error for a damaged or foreign file
        raise ValidationError(_("%(name)s: the file is not a photo.") % {"name": name}) from error
    if found != PHOTO_FORMATS[extension]:
        raise ValidationError(
            _("%(name)s: the content is not a %(kind)s file; the name and the content must agree.")
            % {"name": name, "kind": extension.upper()}
        )
    if not (0 < width <= PHOTO_MAX_SIDE and 0 < height <= PHOTO_MAX_SIDE):
        raise ValidationError(_("%(name)s: a photo may be at most 8000 pixels a side.") % {"name": name})
    return extension


def checked_file(upload, kind: str) -> str:
    """Check an upload for minutes as a photo or an attachment; its extension, or a ValidationError."""
    if kind == MinutesFileKind.PHOTO:
        return check_photo(upload)
    if kind == MinutesFileKind.ATTACHMENT:
        return check_attachment(upload)
    raise ValidationError(_("Choose whether the file is a photo or an attachment."))
