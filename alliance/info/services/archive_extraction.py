"""The worker side of text extraction: read one stored file, record its text or why there is none.

Rule: a file's state ends as done (text and page count kept), encrypted or distribution-locked (no text: a
locked file's placeholder is never indexed), unsupported, or failed with the Korean reason. After every
recorded outcome the report's search index is refreshed (`report_text_changed`, the one call site): the text
may have come, or gone (a file extracted again that is now found locked).
Side effects: the file row; no audit entry (the worker is no person; the staff action that queued it has one).
"""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.info.extraction import LockedFileError, UnreadableFileError, UnsupportedFormatError, extract
from alliance.info.models import ExtractionState, ReportFile
from alliance.info.services.archive_index import index_report

logger = logging.getLogger(__name__)


def extract_report_file(*, file_id: int) -> str:
    """Extract the file's text and record the outcome; returns the state. A file gone meanwhile: "gone"."""
    report_file = ReportFile.objects.filter(pk=file_id).first()
    if report_file is None:
        return "gone"
    outcome = {"extracted_text": "", "page_count": None, "extraction_error": ""}
    try:
        with report_file.file.open("rb") as stream:
            extracted = extract(stream, report_file.format, size=report_file.file.size)
    except LockedFileError as locked:
        outcome |= {"extraction_state": locked.state, "extraction_error": locked.message}
    except UnsupportedFormatError as refused:
        outcome |= {"extraction_state": ExtractionState.UNSUPPORTED, "extraction_error": refused.message}
    except UnreadableFileError as refused:
        outcome |= {"extraction_state": ExtractionState.FAILED, "extraction_error": refused.message}
    except FileNotFoundError:
        outcome |= {"extraction_state": ExtractionState.FAILED, "extraction_error": _("The stored file is missing.")}
    except Exception:  # a reader's own bug on a strange file must not leave the file pending for ever
        logger.exception("text extraction failed", extra={"report_file_id": file_id})
        outcome |= {
            "extraction_state": ExtractionState.FAILED,
            "extraction_error": _("The text could not be read (an unexpected error; the log has the details)."),
        }
    else:
        outcome |= {
            "extraction_state": ExtractionState.DONE,
            "extracted_text": extracted.text,
            "page_count": extracted.page_count,
            "extraction_error": _cut_note(extracted.text) if extracted.truncated else "",
        }
    with transaction.atomic():
        updated = ReportFile.objects.filter(pk=file_id).update(**outcome, extracted_at=timezone.now())
        if updated:
            report_text_changed(report_id=report_file.report_id)
    return outcome["extraction_state"]


def _cut_note(text: str) -> str:
    return _("The text was cut after %(count)s characters.") % {"count": f"{len(text):,}"}


def report_text_changed(*, report_id: int) -> None:
    """THE hook after an extraction: the report's text changed, so its search index follows."""
    index_report(report_id=report_id)
