"""The briefing as DOCX: headings by section level, paragraphs as lines and bullets, tables with the grouped header
row merged across its columns; the Korean East-Asian font in the defaults and every style (core.docx)."""

import io

from alliance.core.docx import korean_document
from alliance.reports.queries.briefing.document import Briefing, Paragraph, Table

BULLETS = {1: "List Bullet", 2: "List Bullet 2"}


def _table(document, block: Table) -> None:
    columns = len(block.headers)
    if block.caption:
        document.add_paragraph(f"<{block.caption}>")
    offset = 1 if block.groups else 0
    grid = document.add_table(rows=1 + offset + len(block.rows), cols=columns)
    grid.style = "Table Grid"
    if block.groups:
        column = 0
        for label, span in block.groups:
            cell = grid.cell(0, column)
            if span > 1:
                cell = cell.merge(grid.cell(0, column + span - 1))
            cell.text = str(label)
            column += span
    rows = grid.rows  # a row's cells once: `grid.cell(r, c)` walks the whole table each time
    for cell, text in zip(rows[offset].cells, block.headers, strict=True):
        cell.text = text
    for header_row in range(offset + 1):
        for cell in rows[header_row].cells:
            for run in cell.paragraphs[0].runs:
                run.bold = True
    for row, values in zip(rows[offset + 1 :], block.rows, strict=True):
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = text


def briefing_docx(briefing: Briefing) -> bytes:
    document = korean_document()
    bullets = {level: document.styles[name] for level, name in BULLETS.items()}  # looked up once, not per line
    document.add_heading(briefing.title, level=0)
    document.add_paragraph(briefing.subtitle)
    for section in briefing.sections:
        document.add_heading(section.heading, level=min(section.level, 3))
        for block in section.blocks:
            if isinstance(block, Paragraph):
                document.add_paragraph(block.text, style=bullets.get(block.level))
            else:
                _table(document, block)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
