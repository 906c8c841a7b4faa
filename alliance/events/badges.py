"""Name badges (명찰) as PDF: one A6 badge per page, or a sheet of labels to stick into badge holders.

The module takes plain records (`Badge`: name, organisation, title, event), so the caller decides who gets a badge
(an event's confirmed registrations, or a list typed in); it knows nothing of the models.

The label sheet is A4 portrait with 2 columns × 4 rows of 99 mm × 67 mm labels, the common Korean 8-up label
paper (폼텍 LS-3108 and its equivalents): 6 mm side margins and 14.5 mm top and bottom margins centre the grid on
the sheet. The sizes are constants here, not settings: a different paper is a different layout, tested anew.
"""

from dataclasses import dataclass

from alliance.core.pdf import render_pdf

A6_TEMPLATE = "events/pdf/badges_a6.html"
SHEET_TEMPLATE = "events/pdf/badges_sheet.html"
STYLESHEET = "events/badges-pdf.css"

SHEET_COLUMNS = 2
SHEET_ROWS = 4
LABEL_WIDTH_MM = 99
LABEL_HEIGHT_MM = 67
SHEET_MARGIN_SIDE_MM = (210 - SHEET_COLUMNS * LABEL_WIDTH_MM) / 2  # 6 mm
SHEET_MARGIN_TOP_MM = (297 - SHEET_ROWS * LABEL_HEIGHT_MM) / 2  # 14.5 mm
LABELS_PER_SHEET = SHEET_COLUMNS * SHEET_ROWS

LONG_NAME = 8  # a name longer than this (a foreign name, a name with a title) is set smaller


@dataclass(frozen=True)
class Badge:
    name: str
    organisation: str = ""
    title: str = ""
    event: str = ""

    @property
    def is_long(self) -> bool:
        return len(self.name) > LONG_NAME


def _sheets(badges: list[Badge]) -> list[list[list[Badge | None]]]:
    """The badges laid out sheet by sheet, row by row; the last sheet's empty places are None."""
    sheets = []
    for start in range(0, len(badges), LABELS_PER_SHEET):
        chunk: list[Badge | None] = list(badges[start : start + LABELS_PER_SHEET])
        chunk += [None] * (LABELS_PER_SHEET - len(chunk))
        sheets.append([chunk[row * SHEET_COLUMNS : (row + 1) * SHEET_COLUMNS] for row in range(SHEET_ROWS)])
    return sheets


def a6_pdf(badges: list[Badge], *, title: str = "") -> bytes:
    """One A6 portrait badge per page, in the order given (an empty list gives one empty page)."""
    return render_pdf(
        A6_TEMPLATE,
        {"title": title, "badges": badges},
        base_stylesheet=False,
        stylesheets=(STYLESHEET,),
        page_size="A6",
    )


def sheet_pdf(badges: list[Badge], *, title: str = "") -> bytes:
    """The badges on A4 label sheets, eight to a sheet (2 × 4, 99 × 67 mm), left to right then down."""
    margin = f"@page {{ margin: {SHEET_MARGIN_TOP_MM}mm {SHEET_MARGIN_SIDE_MM}mm; }}"
    size = f".label {{ width: {LABEL_WIDTH_MM}mm; height: {LABEL_HEIGHT_MM}mm; }}"
    return render_pdf(
        SHEET_TEMPLATE,
        {"title": title, "sheets": _sheets(badges)},
        base_stylesheet=False,
        stylesheets=(STYLESHEET,),
        page_size="A4",
        css=margin + size,
    )
