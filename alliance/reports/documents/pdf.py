"""The briefing as PDF through core.pdf (WeasyPrint, Noto Sans CJK KR)."""

from alliance.core.pdf import render_pdf
from alliance.reports.queries.briefing.document import Briefing, Table


def briefing_pdf(briefing: Briefing) -> bytes:
    sections = [
        {
            "section": section,
            "blocks": [
                {"table": block} if isinstance(block, Table) else {"paragraph": block} for block in section.blocks
            ],
        }
        for section in briefing.sections
    ]
    return render_pdf(
        "reports/pdf/briefing.html", {"title": briefing.title, "briefing": briefing, "sections": sections}
    )
