"""Text of a PDF, page by page, with pypdf (BSD).

A PDF encrypted with a password to open it is recorded as encrypted. One encrypted only against changes
(an owner password, an empty user password) opens with the empty password and is read. The page count is
checked before any page is read.
"""

from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

from alliance.info.extraction.limits import LockedFileError, UnreadableFileError, check_page_count
from alliance.info.extraction.text import Extracted, TextCollector
from alliance.info.models.archive import ExtractionState


def extract_pdf(stream) -> Extracted:
    try:
        reader = PdfReader(stream, strict=False)
        if reader.is_encrypted and not _opens_without_password(reader):
            raise LockedFileError(ExtractionState.ENCRYPTED, _("The PDF is protected by a password."))
        pages = reader.pages
        check_page_count(len(pages))
        collector = TextCollector()
        for page in pages:
            collector.add(page.extract_text() or "")
            if collector.full:
                break
        return collector.result(page_count=len(pages))
    except (PdfReadError, FileNotDecryptedError, ValueError, KeyError, TypeError, RecursionError) as error:
        raise UnreadableFileError(_("The PDF is damaged and its text cannot be read.")) from error


def _opens_without_password(reader: PdfReader) -> bool:
    try:
        return bool(reader.decrypt(""))
    except (DependencyError, NotImplementedError, PdfReadError):
        return False  # an encryption this server cannot undo: as good as a password
