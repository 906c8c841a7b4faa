"""What the governance app adds to the header menu and to "My page" (`alliance.core.navigation`).

Each governance area adds its entries in its own block."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.navigation import MEMBER, STAFF, Entry, register_links, register_tiles

# ---- govbase: the year's committees, my committees, open subcommittees ----------------------------------------
register_links(
    Entry(_("Committees"), "governance:home", STAFF, order=60, permission="governance.view_governance"),
    Entry(_("My committees"), "governance:my_bodies", MEMBER, order=60, permission="governance.view_own_bodies"),
    Entry(
        _("Subcommittees"),
        "governance:open_subcommittees",
        MEMBER,
        order=62,
        permission="governance.view_open_subcommittees",
    ),
)
register_tiles(
    Entry(
        _("Steering committee and subcommittees"),
        "governance:home",
        STAFF,
        order=60,
        permission="governance.view_governance",
    ),
    Entry(_("My committees"), "governance:my_bodies", MEMBER, order=60, permission="governance.view_own_bodies"),
    Entry(
        _("Subcommittees open to members"),
        "governance:open_subcommittees",
        MEMBER,
        order=62,
        permission="governance.view_open_subcommittees",
    ),
)

# ---- meetings: the secretariat's meetings of the year, a seat holder's upcoming meetings -----------------------
register_links(
    Entry(_("Committee meetings"), "governance:meeting_list", STAFF, order=61, permission="governance.manage_meetings"),
    Entry(_("My meetings"), "governance:my_meetings", MEMBER, order=61, permission="governance.view_own_meetings"),
)
register_tiles(
    Entry(_("Committee meetings"), "governance:meeting_list", STAFF, order=61, permission="governance.manage_meetings"),
    Entry(_("My meetings"), "governance:my_meetings", MEMBER, order=61, permission="governance.view_own_meetings"),
)

# ---- proposals ------------------------------------------------------------------------------------------------


def _reads_proposals_without_managing(user) -> bool:
    """Seat holders and agency liaisons; staff reach the same page from their own tile."""
    return user.has_perm("governance.view_proposals") and not user.has_perm("governance.move_proposal")


register_links(
    Entry(_("Policy proposals"), "governance:proposal_list", STAFF, order=72, permission="governance.move_proposal"),
)
register_tiles(
    Entry(
        _("Policy proposals"), "governance:proposal_list", MEMBER, order=64, predicate=_reads_proposals_without_managing
    ),
    Entry(_("Policy proposals"), "governance:proposal_list", STAFF, order=72, permission="governance.move_proposal"),
    Entry(
        _("Subcommittees against their plan"),
        "governance:obligations",
        STAFF,
        order=73,
        permission="governance.view_obligations",
    ),
)

# ---- contracts: the operating rules (운영규정); the documents under review are linked from a subcommittee's page --


def _reads_rules_without_amending(user) -> bool:
    """Seat holders; staff reach the same page from their own tile."""
    return user.has_perm("governance.view_rules") and not user.has_perm("governance.amend_rules")


register_tiles(
    Entry(_("Operating rules"), "governance:rules_current", MEMBER, order=65, predicate=_reads_rules_without_amending),
    Entry(_("Operating rules"), "governance:rules_current", STAFF, order=74, permission="governance.amend_rules"),
)

# ---- minutes: the meetings' minutes and their documents -------------------------------------------------------


def _not_staff(user) -> bool:
    return not user.has_perm("governance.change_minutes")


register_links(
    Entry(
        pgettext_lazy("meeting records", "Minutes"),
        "governance:minutes_list",
        STAFF,
        order=64,
        permission="governance.change_minutes",
    ),
    Entry(
        pgettext_lazy("meeting records", "Minutes"),
        "governance:minutes_list",
        MEMBER,
        order=64,
        permission="governance.view_minutes_list",
        predicate=_not_staff,
    ),
)
