"""The briefing as HWPX (OWPML, the format Korean public bodies edit in Hancom Office), with python-hwpx
(Apache-2.0): headings in bold, paragraphs as lines ("- " for bullets), tables with the grouped header row
merged across its columns. python-hwpx's blank document carries the mimetype, version.xml, content.hpf,
header.xml (Korean faces 함초롬돋움/함초롬바탕) and section0.xml."""

import io

from hwpx.document import HwpxDocument

from alliance.reports.queries.briefing.document import Briefing, Paragraph, Table

PREFIX = {0: "", 1: "- ", 2: "  · "}


def _table(document, block: Table) -> None:
    if block.caption:
        document.add_paragraph(f"<{block.caption}>")
    offset = 1 if block.groups else 0
    columns = len(block.headers)
    grid = document.add_table(offset + 1 + len(block.rows), columns)
    if block.groups:
        column = 0
        for label, span in block.groups:
            if span > 1:
                grid.merge_cells(0, column, 0, column + span - 1)
            grid.cell(0, column).text = str(label)
            column += span
    for column, text in enumerate(block.headers):
        grid.cell(offset, column).text = text
    for r, values in enumerate(block.rows, start=offset + 1):
        for column, text in enumerate(values):
            grid.cell(r, column).text = text


def briefing_hwpx(briefing: Briefing) -> bytes:
    document = HwpxDocument.new()
    bold = document.styles.ensure_run(bold=True)
    title = document.styles.ensure_run(bold=True, size=16)
    document.paragraphs[0].text = ""
    document.add_paragraph(briefing.title, char_pr_id_ref=title)
    document.add_paragraph(briefing.subtitle, char_pr_id_ref=document.paragraphs[0].char_pr_id_ref)
    plain = document.paragraphs[0].char_pr_id_ref
    for section in briefing.sections:
        document.add_paragraph(section.heading, char_pr_id_ref=bold)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                document.add_paragraph(PREFIX.get(block.level, "") + block.text, char_pr_id_ref=plain)
            else:
                _table(document, block)
    buffer = io.BytesIO()
    document.save_to_stream(buffer)
    return buffer.getvalue()
