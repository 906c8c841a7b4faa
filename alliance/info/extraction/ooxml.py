"""Text of Word (DOCX) and PowerPoint (PPTX) files, with python-docx and python-pptx (MIT).

The package's zip directory is checked first (alliance/info/extraction/zips.py); both libraries parse XML
with entity resolution off. A DOCX or PPTX protected by a password is not a zip at all but an OLE compound
file holding `EncryptionInfo` and `EncryptedPackage`: it is recorded as encrypted.
"""

import olefile
from django.utils.translation import gettext as _

from alliance.info.extraction.limits import LockedFileError, UnreadableFileError, check_page_count
from alliance.info.extraction.text import Extracted, TextCollector
from alliance.info.extraction.zips import open_checked_zip
from alliance.info.models.archive import ExtractionState

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def refuse_encrypted_package(stream, kind: str) -> None:
    """LockedFileError when the stream is a password-protected Office package; UnreadableFileError when it is some
    other OLE file; nothing when it is not an OLE file (then it should be the zip package)."""
    stream.seek(0)
    if stream.read(8) != OLE_MAGIC:
        stream.seek(0)
        return
    stream.seek(0)
    try:
        with olefile.OleFileIO(stream) as ole:
            encrypted = ole.exists("EncryptedPackage") and ole.exists("EncryptionInfo")
    except (OSError, ValueError) as error:
        raise UnreadableFileError(_("The file is not a readable %(kind)s file.") % {"kind": kind}) from error
    if encrypted:
        message = _("The %(kind)s file is protected by a password.") % {"kind": kind}
        raise LockedFileError(ExtractionState.ENCRYPTED, message)
    raise UnreadableFileError(_("The file is an old Office format, not %(kind)s.") % {"kind": kind})


def _paragraphs(element, namespace: str):
    """The text of each paragraph under `element`, in document order (tables' cells included)."""
    for paragraph in element.iter(f"{namespace}p"):
        yield "".join(node.text or "" for node in paragraph.iter(f"{namespace}t"))


def extract_docx(stream) -> Extracted:
    import docx  # noqa: PLC0415  python-docx is loaded only in the worker that extracts

    refuse_encrypted_package(stream, "DOCX")
    open_checked_zip(stream).close()
    stream.seek(0)
    try:
        document = docx.Document(stream)
    except Exception as error:  # python-docx raises many kinds on a damaged package
        raise UnreadableFileError(_("The DOCX file is damaged and its text cannot be read.")) from error
    collector = TextCollector()
    for text in _paragraphs(document.element.body, _W):
        collector.add(text)
        if collector.full:
            break
    return collector.result()


def extract_pptx(stream) -> Extracted:
    import pptx  # noqa: PLC0415  python-pptx is loaded only in the worker that extracts

    refuse_encrypted_package(stream, "PPTX")
    open_checked_zip(stream).close()
    stream.seek(0)
    try:
        presentation = pptx.Presentation(stream)
        slides = list(presentation.slides)
    except Exception as error:
        raise UnreadableFileError(_("The PPTX file is damaged and its text cannot be read.")) from error
    check_page_count(len(slides))
    collector = TextCollector()
    for slide in slides:
        collector.add("\n".join(_paragraphs(slide.element, _A)))
        if collector.full:
            break
    return collector.result(page_count=len(slides))
