"""Small python-docx helpers for the governance documents: a document with a Korean font, headings, lines,
tables whose first column merges down a group (the attendance table's 구분), pictures and page breaks."""

import io

from docx.enum.text import WD_BREAK
from docx.shared import Cm

from alliance.core.docx import KOREAN_FONT, korean_document

__all__ = ["KOREAN_FONT", "new_document"]


def new_document():
    """A document with the Korean font in its defaults and every style (core.docx)."""
    return korean_document()


def title(document, text: str, subtitle: str = "") -> None:
    document.add_heading(text, level=0)
    if subtitle:
        document.add_paragraph(subtitle)


def heading(document, text: str, level: int = 1) -> None:
    document.add_heading(text, level=level)


def line(document, text: str, *, bullet: bool = False, bold: bool = False) -> None:
    paragraph = document.add_paragraph(style="List Bullet" if bullet else None)
    run = paragraph.add_run(text)
    run.bold = bold


def table(document, headers: list[str], rows: list[list[str]]):
    grid = document.add_table(rows=1, cols=len(headers))
    grid.style = "Table Grid"
    for cell, text in zip(grid.rows[0].cells, headers, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for values in rows:
        cells = grid.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
    return grid


def merge_down(grid, column: int, first_row: int, last_row: int, text: str) -> None:
    """One cell spanning rows first_row..last_row of `column`, holding `text` (the merged cells' text once)."""
    merged = grid.cell(first_row, column).merge(grid.cell(last_row, column))
    merged.text = text


def picture(document, content: bytes, caption: str, width_cm: float = 12) -> None:
    document.add_picture(io.BytesIO(content), width=Cm(width_cm))
    if caption:
        document.add_paragraph(caption)


def page_break(document) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def as_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
