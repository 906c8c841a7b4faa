"""The indicators page's bars, drawn on the server as SVG (no script, no inline style: CSP): for each indicator
with a target, the actual as a share of the target, capped at the bar's end with the true percentage written."""

from dataclasses import dataclass
from decimal import Decimal

WIDTH, BAR_HEIGHT, GAP, LABEL_WIDTH = 640, 18, 10, 0


@dataclass(frozen=True)
class Bar:
    y: int
    width: int  # the filled part, in px of WIDTH
    percent: Decimal
    label: str
    text_y: int


def bars(rows) -> tuple[list[Bar], int]:
    """The bars of the rows that have a target, and the SVG's height."""
    drawn = []
    y = 0
    for row in rows:
        if row.achieved is None:
            continue
        width = int(min(row.achieved, Decimal(100)) * WIDTH / 100)
        drawn.append(Bar(y=y, width=width, percent=row.achieved, label=row.indicator.name, text_y=y + BAR_HEIGHT - 4))
        y += BAR_HEIGHT + GAP
    return drawn, max(y - GAP, 0)
