"""Which report files are accepted: photos (JPEG, PNG) and the competition's documents (PDF, HWP/HWPX, PPTX,
DOCX), each checked by name AND content (alliance/programs/uploads.py)."""

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from alliance.core.korean import size_label
from alliance.programs.uploads import ALLOWED_EXTENSIONS, check_attachment

PHOTO_MAGIC = {"jpg": b"\xff\xd8\xff", "jpeg": b"\xff\xd8\xff", "png": b"\x89PNG\r\n\x1a\n"}
ACCEPT_ATTRIBUTE = ",".join(f".{extension}" for extension in (*PHOTO_MAGIC, *ALLOWED_EXTENSIONS))


def check_report_file(upload) -> str:
    """ "photo" or "document"; a ValidationError naming the file and the problem otherwise."""
    name = PurePath(upload.name or "").name
    extension = PurePath(name).suffix.lower().lstrip(".")
    if extension not in PHOTO_MAGIC:
        if extension not in ALLOWED_EXTENSIONS:
            raise ValidationError(
                _("%(name)s: only photos (JPG, PNG) and PDF, HWP, HWPX, PPTX and DOCX files are accepted.")
                % {"name": name}
            )
        check_attachment(upload)
        return "document"
    if upload.size == 0:
        raise ValidationError(_("%(name)s: the file is empty.") % {"name": name})
    if upload.size > settings.MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("%(name)s: the file is larger than %(limit)s.")
            % {"name": name, "limit": size_label(settings.MAX_UPLOAD_BYTES)}
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if not head.startswith(PHOTO_MAGIC[extension]):
        raise ValidationError(
            _("%(name)s: the content is not a %(kind)s file; the name and the content must agree.")
            % {"name": name, "kind": extension.upper()}
        )
    return "photo"
