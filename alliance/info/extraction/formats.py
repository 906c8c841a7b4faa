"""Which files the archive accepts: PDF, HWP, HWPX, DOCX and PPTX, checked by name AND content (the first
bytes must match the extension, alliance/programs/uploads.py), within the size bounds.

A password-protected DOCX or PPTX is an OLE compound file, not a zip: it is accepted as what its name says
(its text cannot be read; extraction records it as encrypted).
"""

from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from alliance.core.korean import size_label
from alliance.info.extraction.limits import limit
from alliance.programs.uploads import OLE_MAGIC, content_matches

ARCHIVE_EXTENSIONS = ("pdf", "hwp", "hwpx", "docx", "pptx")
ACCEPT_ATTRIBUTE = ",".join(f".{extension}" for extension in ARCHIVE_EXTENSIONS)


def extension_of(name: str) -> str:
    return PurePath(name or "").suffix.lower().lstrip(".")


def check_report_file(stream, *, name: str, size: int, max_bytes: int | None = None) -> str:
    """The file's format (its lower-case extension); a ValidationError naming the file and the problem.

    `max_bytes`: the size bound (an upload's is MAX_UPLOAD_BYTES; a file imported from disk ARCHIVE_MAX_FILE_BYTES).
    """
    name = PurePath(name or "").name
    extension = extension_of(name)
    if extension not in ARCHIVE_EXTENSIONS:
        raise ValidationError(
            _("%(name)s: only PDF, HWP, HWPX, DOCX and PPTX files are accepted.") % {"name": name}, code="format"
        )
    if size == 0:
        raise ValidationError(_("%(name)s: the file is empty.") % {"name": name}, code="empty")
    maximum = max_bytes or limit("MAX_FILE_BYTES")
    if size > maximum:
        raise ValidationError(
            _("%(name)s: the file is larger than %(limit)s.") % {"name": name, "limit": size_label(maximum)},
            code="size",
        )
    if not (content_matches(stream, extension) or _encrypted_office(stream, extension)):
        raise ValidationError(
            _("%(name)s: the content is not a %(kind)s file; the name and the content must agree.")
            % {"name": name, "kind": extension.upper()},
            code="content",
        )
    return extension


def _encrypted_office(stream, extension: str) -> bool:
    if extension not in ("docx", "pptx"):
        return False
    stream.seek(0)
    head = stream.read(8)
    stream.seek(0)
    return head == OLE_MAGIC
