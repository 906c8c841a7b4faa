"""What the agencies app adds to the header menu and to "My page" (`alliance.core.navigation`)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.core.navigation import MEMBER, STAFF, Entry, register_links, register_tiles


def _this_year(user) -> tuple[int]:
    return (timezone.localdate().year,)


register_links(
    Entry(_("Partner agencies"), "agencies:agency_list", STAFF, order=60, permission="agencies.manage_agencies"),
    Entry(_("Our agency"), "agencies:home", MEMBER, order=50, permission="agencies.view_own_agency"),
)
register_tiles(
    Entry(_("Our agency"), "agencies:home", MEMBER, order=50, permission="agencies.view_own_agency"),
    Entry(_("Partner agencies"), "agencies:agency_list", STAFF, order=60, permission="agencies.manage_agencies"),
    Entry(
        _("Agency quarterly reports"),
        "agencies:report_grid",
        STAFF,
        order=61,
        permission="agencies.manage_agencies",
        url_args=_this_year,
    ),
)
