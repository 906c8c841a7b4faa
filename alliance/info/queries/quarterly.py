"""The information services' figures of a quarter, as the steering committee's quarterly briefing reports them
(seed 001: reports posted to the archive, newsletter editions sent, homepage visits; ../shared/DOMAIN.md §6).

Each figure is counted by its own area's query over core's one cut of the year (`core.dates.quarter_bounds`);
this module only gathers them, in the briefing's order, so the briefing and the command print the same numbers.
"""

from dataclasses import asdict, dataclass

from alliance.info.queries.analytics import visits_in_quarter
from alliance.info.queries.archive import reports_posted
from alliance.info.queries.newsletter import editions_sent


@dataclass(frozen=True)
class QuarterFigures:
    year: int
    quarter: int
    reports_posted: int
    editions_sent: int
    visits: int

    def as_dict(self) -> dict:
        return asdict(self)


def quarter_figures(year: int, quarter: int) -> QuarterFigures:
    """The quarter's figures (a ValueError for a quarter outside 1–4)."""
    return QuarterFigures(
        year=year,
        quarter=quarter,
        reports_posted=reports_posted(year, quarter),
        editions_sent=editions_sent(year, quarter),
        visits=visits_in_quarter(year, quarter),
    )
