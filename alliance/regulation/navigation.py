"""What the regulation app adds to the header menu and to "My page" (`alliance.core.navigation`)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.core.navigation import MEMBER, STAFF, Entry, register_links, register_tiles
from alliance.core.rules import is_secretariat


def _not_staff(user) -> bool:
    """Staff find these entries among their own tiles."""
    return not is_secretariat(user)


def _this_year(user) -> tuple[int]:
    return (timezone.localdate().year,)


SELFCHECK = Entry(
    _("Ethics self-check"), "regulation:selfcheck", MEMBER, order=70, permission="regulation.answer_selfcheck"
)
FILINGS = Entry(
    _("Platform operator filing"), "regulation:my_filings", MEMBER, order=71, permission="regulation.file_platform"
)
FILING_LIST = Entry(
    _("Platform filings"),
    "regulation:filing_list",
    MEMBER,
    order=72,
    permission="regulation.view_filings",
    predicate=_not_staff,
)
CHECKLISTS = Entry(
    _("Ethics checklist"),
    "regulation:checklists",
    MEMBER,
    order=73,
    permission="regulation.manage_checklist",
    predicate=_not_staff,
)
STATISTICS = Entry(
    _("Ethics self-check statistics"),
    "regulation:statistics",
    MEMBER,
    order=74,
    permission="regulation.view_statistics",
    predicate=_not_staff,
    url_args=_this_year,
)
register_links(FILING_LIST)  # representatives find theirs on "My page" (a short header on phones)
register_tiles(SELFCHECK, FILINGS, FILING_LIST, CHECKLISTS, STATISTICS)
register_tiles(
    Entry(_("Platform filings"), "regulation:filing_list", STAFF, order=80, predicate=is_secretariat),
    Entry(_("Ethics checklist"), "regulation:checklists", STAFF, order=81, predicate=is_secretariat),
    Entry(
        _("Ethics self-check statistics"),
        "regulation:statistics",
        STAFF,
        order=82,
        predicate=is_secretariat,
        url_args=_this_year,
    ),
)
