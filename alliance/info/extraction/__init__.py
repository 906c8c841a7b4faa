"""Text extraction from the archive's files: PDF (pypdf), HWPX (lxml), DOCX (python-docx), PPTX
(python-pptx) and HWP 5.0 (olefile + zlib), every library under a permissive licence.

`extract(stream, file_format)` returns the text (and the page count where the format has one) or raises
`LockedFileError` (password-protected, distribution document) or `UnreadableFileError` (damaged, too large, a zip
bomb, an unknown format), each with a Korean message for staff. Bounds are in `limits.py`; every extractor
checks them before it reads. Pure: no database, no storage; the caller opens the file.
"""

from django.utils.translation import gettext as _

from alliance.info.extraction.hwp import extract_hwp
from alliance.info.extraction.hwpx import extract_hwpx
from alliance.info.extraction.limits import LockedFileError, UnreadableFileError, check_file_size
from alliance.info.extraction.ooxml import extract_docx, extract_pptx
from alliance.info.extraction.pdf import extract_pdf
from alliance.info.extraction.text import Extracted

EXTRACTORS = {
    "pdf": extract_pdf,
    "hwp": extract_hwp,
    "hwpx": extract_hwpx,
    "docx": extract_docx,
    "pptx": extract_pptx,
}


class UnsupportedFormatError(UnreadableFileError):
    """No extractor reads this format."""


def extract(stream, file_format: str, *, size: int) -> Extracted:
    """The text of the seekable binary `stream` of `size` bytes in `file_format` (pdf, hwp, hwpx, docx, pptx)."""
    extractor = EXTRACTORS.get(file_format)
    if extractor is None:
        raise UnsupportedFormatError(_("Text cannot be read from %(kind)s files.") % {"kind": file_format.upper()})
    check_file_size(size)
    stream.seek(0)
    return extractor(stream)


__all__ = ["EXTRACTORS", "Extracted", "LockedFileError", "UnreadableFileError", "UnsupportedFormatError", "extract"]
