"""What the information services add to the public front page (`alliance.core.frontpage`): the newest
reports of the archive and the newest newsletter edition (and, once the board lands, the newest notices and
alliance news). Each section costs one or two queries whatever the archive's size."""

from alliance.core.frontpage import Section, register_section
from alliance.info.queries.archive import newest_reports
from alliance.info.queries.newsletter import edition_sections, newest_edition

REPORTS_SHOWN = 5
HEADLINES_SHOWN = 3


def _reports() -> dict:
    return {"reports": newest_reports(REPORTS_SHOWN)}


def _newsletter() -> dict:
    edition = newest_edition()
    headlines = [item for _, _, items in edition_sections(edition) for item in items] if edition else []
    return {"edition": edition, "headlines": headlines[:HEADLINES_SHOWN]}


# ---- notices and alliance news (order 20, 25) -----------------------------------------------------------------
# PLACE FOR THE BOARD (not yet built): /notice_board and /alliance_news are being built in the branch `board`,
# which adds `alliance.info.queries.board.latest_posts(board, limit)`. Once it is on main, register two sections
# here, "notices" (order 20) and "news" (order 25), each a Section whose context is the board's latest posts
# and whose template (info/frontpage/posts.html) lists each post's title, link and date, with a "none yet" line
# when there are none; the front page's tests (portal/tests/test_home.py) then name their headings.

register_section(Section("reports", 40, "info/frontpage/reports.html", _reports))
register_section(Section("newsletter", 50, "info/frontpage/newsletter.html", _newsletter))
