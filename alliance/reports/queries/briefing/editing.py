"""A section's generated text as staff edit it, one paragraph a line, and back (pure functions).

The text shows each paragraph on a line ("- " before a bullet, "· " before a sub-bullet) and each table as a
marker line "[표 1]" where it stands. Saving puts the tables back where their markers are; a table whose marker
was deleted goes after the text, so an edit never loses a table. Blank lines are dropped.
"""

import re

from django.utils.translation import pgettext

from alliance.reports.queries.briefing.document import Paragraph, Section, Table

PREFIXES = {1: "- ", 2: "· "}


def table_marker(number: int) -> str:
    return pgettext("briefing", "[Table %(number)s]") % {"number": number}


def section_text(section: Section) -> str:
    lines, tables = [], 0
    for block in section.blocks:
        if isinstance(block, Table):
            tables += 1
            lines.append(table_marker(tables))
        else:
            lines.append(PREFIXES.get(block.level, "") + block.text)
    return "\n".join(lines)


def _paragraph(line: str) -> Paragraph:
    for level, prefix in PREFIXES.items():
        if line.startswith(prefix):
            return Paragraph(line.removeprefix(prefix).strip(), level)
    return Paragraph(line.strip(), 0)


def apply_text(section: Section, text: str) -> None:
    """Replace `section`'s paragraphs by `text`'s lines, keeping its tables (by their markers)."""
    tables = section.tables()
    markers = {table_marker(n): table for n, table in enumerate(tables, start=1)}
    placed: set[int] = set()
    blocks: list = []
    for raw in re.split(r"\r?\n", text):
        line = raw.rstrip()
        if not line.strip():
            continue
        table = markers.get(line.strip())
        if table is not None and id(table) not in placed:
            placed.add(id(table))
            blocks.append(table)
        else:
            blocks.append(_paragraph(line))
    blocks += [table for table in tables if id(table) not in placed]
    section.blocks = blocks
