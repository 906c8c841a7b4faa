"""The briefing's files, each written from the one `Briefing` model (queries/briefing/document.py): DOCX
(python-docx, Korean East-Asian font via core.docx), PDF (core.pdf, WeasyPrint) and HWPX (python-hwpx, Apache-2.0).

`FORMATS` names each format once: its extension, content type and writer; `render(briefing, fmt)` returns bytes.
"""

from collections.abc import Callable
from dataclasses import dataclass

from alliance.reports.documents.docx import briefing_docx
from alliance.reports.documents.hwpx import briefing_hwpx
from alliance.reports.documents.pdf import briefing_pdf


@dataclass(frozen=True)
class Format:
    name: str
    extension: str
    content_type: str
    write: Callable


FORMATS = {
    "docx": Format(
        "docx", ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", briefing_docx
    ),
    "pdf": Format("pdf", ".pdf", "application/pdf", briefing_pdf),
    "hwpx": Format("hwpx", ".hwpx", "application/hwp+zip", briefing_hwpx),
}


def format_of_path(path: str) -> Format | None:
    """The format a file name's extension asks for (case does not matter), or None."""
    lowered = str(path).lower()
    return next((fmt for fmt in FORMATS.values() if lowered.endswith(fmt.extension)), None)


def render(briefing, fmt: str) -> bytes:
    return FORMATS[fmt].write(briefing)
