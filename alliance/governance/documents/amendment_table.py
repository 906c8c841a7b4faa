"""The amendment table 신구조문대비표 of a document under review, as DOCX: one table 현행 | 개정안 | 사유 with a
row per amended clause, the article number leading each cell."""

import io

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

KOREAN_FONT = "맑은 고딕"
COLUMNS = ("현행", "개정안", "사유")


def set_korean_font(run, name: str = KOREAN_FONT) -> None:
    """Word picks the East-Asian font from `w:eastAsia`; without it Hangul falls back to a Latin font."""
    run.font.name = name
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)


def _write(cell, text: str, *, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.bold = bold
    set_korean_font(run)


def _article(clause) -> str:
    return f"{clause.number}({clause.heading})" if clause.heading else clause.number


def amendment_rows(clauses) -> list[tuple[str, str, str]]:
    """(현행, 개정안, 사유) of each amended clause, in the document's order."""
    return [
        (f"{_article(clause)} {clause.current_text}", f"{_article(clause)} {clause.proposed_text}", clause.reason)
        for clause in clauses
        if clause.is_amended
    ]


def amendment_table_docx(document, clauses) -> bytes:
    """The DOCX bytes of 「<document>」 신구조문대비표."""
    docx = Document()
    style = docx.styles["Normal"]
    style.font.name = KOREAN_FONT
    style.font.size = Pt(10)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), KOREAN_FONT)
    heading = docx.add_paragraph()
    title = heading.add_run(f"「{document.title}」 신구조문대비표")
    title.bold = True
    title.font.size = Pt(14)
    set_korean_font(title)
    rows = amendment_rows(clauses)
    table = docx.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    for cell, label in zip(table.rows[0].cells, COLUMNS, strict=True):
        _write(cell, label, bold=True)
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            _write(cell, text)
    buffer = io.BytesIO()
    docx.save(buffer)
    return buffer.getvalue()
