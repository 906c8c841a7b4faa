"""What the reports app adds to the header menu and to "My page" (`alliance.core.navigation`).

Each area adds its entries in its own `register_links` / `register_tiles` call.
"""

from django.utils.translation import gettext_lazy as _

from alliance.core.navigation import STAFF, Entry, register_links, register_tiles

# ---- the yearly plan: this year's schedule grid -----------------------------------------------------------------
register_links(Entry(_("Yearly plan"), "reports:plan_current", STAFF, order=78, permission="reports.manage_plan"))
register_tiles(Entry(_("Yearly plan"), "reports:plan_current", STAFF, order=78, permission="reports.manage_plan"))

# ---- indicators: this year's plan targets and indicators ---------------------------------------------------------
register_links(
    Entry(
        _("Plan and indicators"), "reports:indicators_current", STAFF, order=79, permission="reports.manage_indicators"
    )
)
register_tiles(
    Entry(
        _("Plan and indicators"), "reports:indicators_current", STAFF, order=79, permission="reports.manage_indicators"
    )
)

# ---- the quarterly steering-committee briefing ---------------------------------------------------------------------
BRIEFINGS = Entry(
    _("Steering committee briefings"), "reports:briefing_list", STAFF, order=75, permission="reports.manage_briefings"
)
register_links(BRIEFINGS)
register_tiles(BRIEFINGS)
