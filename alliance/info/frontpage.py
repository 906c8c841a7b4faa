"""What the information services add to the public front page (`alliance.core.frontpage`): the newest notices
and alliance news, the newest reports of the archive and the newest newsletter edition. Each section costs one
or two queries whatever the size of the boards and the archive; the reports and the edition are kept in the
cache until the archive or the newsletter changes (queries/data_versions.py), the boards' posts are read on
every visit (a scheduled post appears when its time comes, with no write to announce it)."""

from django.urls import reverse

from alliance.core.frontpage import Section, register_section
from alliance.info.models import Board
from alliance.info.queries.archive import newest_reports
from alliance.info.queries.board import latest_posts
from alliance.info.queries.data_versions import NEWSLETTER, kept
from alliance.info.queries.newsletter import edition_sections, newest_edition

POSTS_SHOWN = 5
REPORTS_SHOWN = 5
HEADLINES_SHOWN = 3


def _reports() -> dict:
    return {"reports": newest_reports(REPORTS_SHOWN)}


def _newest_edition_and_headlines() -> tuple:
    edition = newest_edition()
    headlines = [item for _, _, items in edition_sections(edition) for item in items] if edition else []
    return edition, headlines[:HEADLINES_SHOWN]


def _newsletter() -> dict:
    # Kept until an edition or an item changes (queries/data_versions.py): two reads on every visit otherwise.
    edition, headlines = kept(NEWSLETTER, "front-page", _newest_edition_and_headlines)
    return {"edition": edition, "headlines": headlines}


def _posts(board: str, more_url: str):
    def context() -> dict:
        posts = latest_posts(board, POSTS_SHOWN)
        return {"board_label": Board(board).label, "posts": posts, "more_url": reverse(more_url)}

    return context


register_section(Section("notices", 20, "info/frontpage/posts.html", _posts(Board.NOTICES, "info:notice_board")))
register_section(Section("news", 25, "info/frontpage/posts.html", _posts(Board.NEWS, "info:alliance_news")))
register_section(Section("reports", 40, "info/frontpage/reports.html", _reports))
register_section(Section("newsletter", 50, "info/frontpage/newsletter.html", _newsletter))
