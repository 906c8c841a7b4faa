"""Which proposal attachments are accepted: PDF, HWP/HWPX, PPTX and DOCX, checked by name AND content.

A name can lie, so the first bytes must match the extension: PDF starts `%PDF`, HWP (5.0) is an OLE
compound file, and HWPX/PPTX/DOCX are zip packages holding the part that makes them what they claim.
The size limit is the MAX_UPLOAD_BYTES setting (environment variable of the same name).
"""

import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from alliance.core.korean import size_label

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
# The part each zip-based format must contain (HWPX: OWPML's package manifest).
ZIP_PARTS = {
    "docx": ("word/document.xml",),
    "pptx": ("ppt/presentation.xml",),
    "hwpx": ("Contents/content.hpf", "mimetype"),
}
ALLOWED_EXTENSIONS = ("pdf", "hwp", "hwpx", "pptx", "docx")
ACCEPT_ATTRIBUTE = ",".join(f".{extension}" for extension in ALLOWED_EXTENSIONS)


def _zip_has_parts(upload, parts: tuple[str, ...]) -> bool:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "Contents/content.hpf" in parts:
                # HWPX declares itself in `mimetype`; some writers omit the manifest name we look for.
                if "mimetype" in names and archive.read("mimetype").strip() == b"application/hwp+zip":
                    return True
                return "Contents/content.hpf" in names
            return all(part in names for part in parts)
    except (zipfile.BadZipFile, OSError, KeyError):
        return False
    finally:
        upload.seek(0)


def content_matches(upload, extension: str) -> bool:
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if extension == "pdf":
        return head.startswith(b"%PDF")
    if extension == "hwp":
        return head == OLE_MAGIC
    return head.startswith(ZIP_MAGIC) and _zip_has_parts(upload, ZIP_PARTS[extension])


def check_attachment(upload) -> str:
    """Return the file's lower-case extension, or raise a ValidationError naming the file and the problem."""
    name = PurePath(upload.name or "").name
    extension = PurePath(name).suffix.lower().lstrip(".")
    if extension not in ALLOWED_EXTENSIONS:
        raise ValidationError(_("%(name)s: only PDF, HWP, HWPX, PPTX and DOCX files are accepted.") % {"name": name})
    if upload.size == 0:
        raise ValidationError(_("%(name)s: the file is empty.") % {"name": name})
    if upload.size > settings.MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("%(name)s: the file is larger than %(limit)s.")
            % {"name": name, "limit": size_label(settings.MAX_UPLOAD_BYTES)}
        )
    if not content_matches(upload, extension):
        raise ValidationError(
            _("%(name)s: the content is not a %(kind)s file; the name and the content must agree.")
            % {"name": name, "kind": extension.upper()}
        )
    return extension
