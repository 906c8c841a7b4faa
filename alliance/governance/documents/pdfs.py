"""The meeting pack and the minutes as PDF (alliance/core/pdf.py: WeasyPrint with the Korean font). Photos
are in the DOCX and on the page; the PDF carries the text."""

from alliance.core.pdf import render_pdf
from alliance.governance.documents.content import meeting_pack, minutes_document
from alliance.governance.documents.docx_builders import roster_headings
from alliance.governance.timetable import headings


def meeting_pack_pdf(meeting, *, request=None) -> bytes:
    context = {
        "title": "",
        "pack": meeting_pack(meeting),
        "timetable_headings": headings(),
        "roster_headings": roster_headings(),
    }
    context["title"] = context["pack"].title
    return render_pdf("governance/pdf/meeting_pack.html", context, request=request)


def minutes_pdf(version, *, request=None) -> bytes:
    minutes = minutes_document(version)
    return render_pdf("governance/pdf/minutes.html", {"title": minutes.title, "minutes": minutes}, request=request)
