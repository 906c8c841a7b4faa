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
    anchors = []
    if block.groups:
        column = 0
        for label, span in block.groups:
            if span > 1:
                grid.merge_cells(0, column, 0, column + span - 1)
            anchors.append((column, str(label)))
            column += span
    cells = grid.get_cell_map()  # the grid once: asking `cell(r, c)` rebuilds it every time
    for column, text in anchors:
        cells[0][column].cell.text = text
    for column, text in enumerate(block.headers):
        cells[offset][column].cell.text = text
    for r, values in enumerate(block.rows, start=offset + 1):
        for column, text in enumerate(values):
            cells[r][column].cell.text = text


def briefing_hwpx(briefing: Briefing) -> bytes:
    document = HwpxDocument.new()
    bold = document.styles.ensure_run(bold=True)
    title = document.styles.ensure_run(bold=True, size=16)
    first = document.paragraphs[0]
    first.text = ""
    # Every paragraph names its shapes: inheriting them makes python-hwpx read the whole section each time.
    refs = {
        "para_pr_id_ref": first.para_pr_id_ref or "0",
        "style_id_ref": first.style_id_ref or "0",
        "inherit_style": False,
    }
    plain = first.char_pr_id_ref or "0"

    def add(text: str, char: str) -> None:
        document.add_paragraph(text, char_pr_id_ref=char, **refs)

    add(briefing.title, title)
    add(briefing.subtitle, plain)
    for section in briefing.sections:
        add(section.heading, bold)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                add(PREFIX.get(block.level, "") + block.text, plain)
            else:
                _table(document, block)
    buffer = io.BytesIO()
    document.save_to_stream(buffer)
    return buffer.getvalue()
