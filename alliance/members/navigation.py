"""What the member registry adds to the header menu and to "My page" (`alliance.core.navigation`)."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from alliance.core.navigation import ACCOUNT, PUBLIC, STAFF, Entry, register_links, register_tiles

STAFF_PERMISSION = "members.manage_registry"


def _own_profile_label(user) -> str:
    return gettext("Edit the profile of %(name)s") % {"name": user.organisation.name}


register_links(
    Entry(_("Member directory"), "members:directory", PUBLIC, order=10),
    Entry(_("Registry"), "members:registry", STAFF, order=10, permission=STAFF_PERMISSION),
    Entry(_("Statistics"), "members:statistics", STAFF, order=20, permission=STAFF_PERMISSION),
    Entry(_("Census"), "members:census_rounds", STAFF, order=30, permission=STAFF_PERMISSION),
    Entry(_("Import members"), "members:imports", STAFF, order=12, permission=STAFF_PERMISSION),
    Entry(_("Business-field vocabulary"), "members:vocabulary", STAFF, order=16, permission=STAFF_PERMISSION),
    Entry(
        _("Profiles not confirmed recently"),
        "members:stale_confirmations",
        STAFF,
        order=14,
        permission=STAFF_PERMISSION,
    ),
)
register_tiles(
    Entry(_("Member directory"), "members:directory", PUBLIC, order=10),
    Entry(
        _own_profile_label,
        "members:organisation_edit",
        ACCOUNT,
        predicate=lambda user: bool(user.organisation_id),
        url_args=lambda user: (user.organisation_id,),
    ),
    Entry(_("Member registry"), "members:registry", STAFF, order=10, permission=STAFF_PERMISSION),
    Entry(_("Import members"), "members:imports", STAFF, order=20, permission=STAFF_PERMISSION),
    Entry(
        _("Profiles not confirmed recently"),
        "members:stale_confirmations",
        STAFF,
        order=25,
        permission=STAFF_PERMISSION,
    ),
    Entry(_("Business-field vocabulary"), "members:vocabulary", STAFF, order=27, permission=STAFF_PERMISSION),
    Entry(_("Member statistics"), "members:statistics", STAFF, order=30, permission=STAFF_PERMISSION),
    Entry(_("Member census"), "members:census_rounds", STAFF, order=40, permission=STAFF_PERMISSION),
)
