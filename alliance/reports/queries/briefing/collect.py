"""The briefing's collector: sections in order, and every figure with its as-of date and source for the appendix.

Rule: a figure reaches the text only through `figure()`, which records it; so the appendix lists every number
the briefing states, with the date it is counted on and where it comes from. A section without data says so
(`no_data`) instead of being left out, so the reader sees that nothing happened rather than a missing part.
"""

import datetime

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.translation import gettext as _

from alliance.core.dates import format_moment
from alliance.reports.queries.briefing.document import Figure, Paragraph, Section, Table


def as_of_phrase(day: datetime.date) -> str:
    """(2025. 12. 31. 기준)"""
    return _("(as of %(date)s)") % {"date": format_moment(day)}


def quarter_label(year: int, quarter: int) -> str:
    """’25년 4/4분기"""
    return _("’%(yy)s Q%(quarter)s") % {"yy": f"{year % 100:02d}", "quarter": quarter}


class Collector:
    def __init__(self, as_of: datetime.date):
        self.as_of = as_of
        self.sections: list[Section] = []
        self.figures: list[Figure] = []

    def section(self, key: str, heading: str, level: int = 2, *, editable: bool = True) -> Section:
        section = Section(key=key, heading=heading, level=level, editable=editable)
        self.sections.append(section)
        return section

    def figure(self, label: str, value, source: str, as_of: datetime.date | None = None) -> str:
        """`value` as printed (numbers with thousands separators), recorded for the appendix."""
        text = intcomma(value) if isinstance(value, int) else str(value)
        self.figures.append(Figure(label=label, value=text, as_of=as_of or self.as_of, source=source))
        return text


def line(section: Section, text: str, level: int = 1) -> None:
    section.blocks.append(Paragraph(text, level))


def table(section: Section, headers: list[str], rows: list[list[str]], *, caption: str = "", groups=None) -> None:
    section.blocks.append(Table(headers=headers, rows=rows, caption=caption, groups=groups or []))


def no_data(section: Section, text: str = "") -> None:
    section.blocks.append(Paragraph(text or _("No data for this quarter."), 0))
