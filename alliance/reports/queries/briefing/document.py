"""The quarterly briefing as plain data: what every writer (DOCX, PDF, HWPX) and the staff pages print.

A `Briefing` is a list of `Section`s (a heading and blocks: `Paragraph`s and `Table`s) and the `Figure`s the
appendix lists, each with its as-of date and its source, so anyone can trace a number to where it came from.
It converts to and from a JSON-safe dict (`as_dict` / `from_dict`): a stored briefing keeps the generated text
staff edited, and a frozen one the text as sent.
"""

import datetime
from dataclasses import asdict, dataclass, field


@dataclass
class Paragraph:
    text: str
    level: int = 0  # 0: a line of its own; 1: a bullet (-); 2: a sub-bullet


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]
    caption: str = ""
    # An optional row above the headers: [label, how many columns it spans], as seed 001's member table puts
    # 기업 (986개) over 대기업 / 중기업 / 소기업. The spans add up to the number of columns.
    groups: list[list] = field(default_factory=list)


@dataclass
class Section:
    key: str  # stable within a briefing ("members", "agency-RAPA" …): the edit form names a section by it
    heading: str
    level: int = 1  # 1: [안건] and the cover parts; 2: □ a part of an agenda item; 3: ○ a sub-part
    blocks: list = field(default_factory=list)  # Paragraph | Table
    editable: bool = True  # its paragraphs are generated text staff may rewrite

    def paragraphs(self) -> list[Paragraph]:
        return [block for block in self.blocks if isinstance(block, Paragraph)]

    def tables(self) -> list[Table]:
        return [block for block in self.blocks if isinstance(block, Table)]


@dataclass
class Figure:
    label: str
    value: str
    as_of: datetime.date
    source: str


@dataclass
class Briefing:
    title: str
    subtitle: str
    year: int
    quarter: int
    as_of: datetime.date
    meeting_id: int | None
    sections: list[Section] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)

    def section(self, key: str) -> Section | None:
        return next((section for section in self.sections if section.key == key), None)

    def as_dict(self) -> dict:
        data = asdict(self)
        data["as_of"] = self.as_of.isoformat()
        for figure in data["figures"]:
            figure["as_of"] = figure["as_of"].isoformat()
        for section, original in zip(data["sections"], self.sections, strict=True):
            section["blocks"] = [
                {"table": asdict(block)} if isinstance(block, Table) else {"paragraph": asdict(block)}
                for block in original.blocks
            ]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Briefing":
        sections = [
            Section(
                key=section["key"],
                heading=section["heading"],
                level=section["level"],
                editable=section.get("editable", True),
                blocks=[
                    Table(**block["table"]) if "table" in block else Paragraph(**block["paragraph"])
                    for block in section["blocks"]
                ],
            )
            for section in data["sections"]
        ]
        figures = [
            Figure(**{**figure, "as_of": datetime.date.fromisoformat(figure["as_of"])}) for figure in data["figures"]
        ]
        return cls(
            title=data["title"],
            subtitle=data["subtitle"],
            year=data["year"],
            quarter=data["quarter"],
            as_of=datetime.date.fromisoformat(data["as_of"]),
            meeting_id=data["meeting_id"],
            sections=sections,
            figures=figures,
        )
