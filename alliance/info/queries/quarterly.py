"""The information services' figures of a quarter, as the steering committee's quarterly briefing reports them
(seed 001: reports posted to the archive, newsletter editions sent, partner agencies' promotions relayed, announcement
e-mailings, notices and news posted, homepage visits; ../shared/DOMAIN.md §6).

Each figure is counted by its own area's query over core's one cut of the year (`core.dates.quarter_bounds`);
this module only gathers them, in the briefing's order, so the briefing and the command print the same numbers.
"""

from dataclasses import asdict, dataclass

from alliance.info.models import Board
from alliance.info.queries.analytics import visits_in_quarter
from alliance.info.queries.archive import reports_posted
from alliance.info.queries.board import posts_published
from alliance.info.queries.mailings import mailings_sent
from alliance.info.queries.newsletter import editions_sent
from alliance.info.queries.promotions import promotions_relayed


@dataclass(frozen=True)
class QuarterFigures:
    year: int
    quarter: int
    reports_posted: int
    editions_sent: int
    promotions_relayed: int
    mailings: int
    notices_posted: int
    news_posted: int
    visits: int

    def as_dict(self) -> dict:
        return asdict(self)


def quarter_figures(year: int, quarter: int) -> QuarterFigures:
    """The quarter's figures (a ValueError for a quarter outside 1–4)."""
    posts = posts_published(year, quarter)
    return QuarterFigures(
        year=year,
        quarter=quarter,
        reports_posted=reports_posted(year, quarter),
        editions_sent=editions_sent(year, quarter),
        promotions_relayed=promotions_relayed(year, quarter),
        mailings=mailings_sent(year, quarter),
        notices_posted=sum(posts[Board.NOTICES].values()),
        news_posted=sum(posts[Board.NEWS].values()),
        visits=visits_in_quarter(year, quarter),
    )
