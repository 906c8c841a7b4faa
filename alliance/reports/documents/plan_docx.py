"""The yearly schedule (추진 일정) as DOCX on A4 landscape: the grid as one table (구분 | 주요 내용 | 1월 … 12월 |
비고), marks as on the page, with the legend and the day it was drawn up."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Cm, Pt

from alliance.core.docx import as_bytes, korean_document
from alliance.reports.queries.plan import COMING, DONE, LATE, MARKS, MONTHS, PlanGrid


def legend() -> str:
    return "  ".join(
        f"{MARKS[state]} {label}" for state, label in ((DONE, _("Done")), (LATE, _("Late")), (COMING, _("Planned")))
    )


def plan_docx(grid: PlanGrid, *, as_of_text: str) -> bytes:
    """The DOCX bytes of the year's schedule grid."""
    document = korean_document(landscape=True, margin_cm=1.5, size_pt=9)
    document.add_heading(_("%(year)s schedule") % {"year": grid.year}, level=1)
    document.add_paragraph(_("As of %(day)s. %(legend)s") % {"day": as_of_text, "legend": legend()})
    headers = [_("Area"), _("Item"), *[f"{month}월" for month in MONTHS], pgettext("plan", "Note")]
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for row in grid.rows:
        cells = table.add_row().cells
        values = [row.area_label, row.title, *[mark for _month, _state, mark in row.marks], " ".join(row.notes)]
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
    widths = [Cm(2.6), Cm(6.5), *[Cm(1.05)] * 12, Cm(4.0)]
    for table_row in table.rows:
        for cell, width in zip(table_row.cells, widths, strict=True):
            cell.width = width
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(8)
    if not grid.rows:
        document.add_paragraph(_("Nothing is dated in this year yet."))
    return as_bytes(document)
