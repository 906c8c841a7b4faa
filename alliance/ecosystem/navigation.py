"""What the ecosystem map adds to the header menu and to "My page" (`alliance.core.navigation`).

The management area is open to whoever may edit the taxonomy: the secretariat and the subcommittee (whose
only task on the platform it is); the placement work inside it to the secretariat only."""

from django.utils.translation import gettext_lazy as _

from alliance.core.navigation import PUBLIC, STAFF, Entry, register_links, register_tiles

register_links(
    Entry(_("Ecosystem map"), "ecosystem:latest", PUBLIC, order=20),
    Entry(_("Ecosystem map management"), "ecosystem:manage", STAFF, order=40, permission="ecosystem.edit_taxonomy"),
)
register_tiles(
    Entry(_("Ecosystem map management"), "ecosystem:manage", STAFF, order=60, permission="ecosystem.edit_taxonomy"),
    Entry(_("Placement suggestions"), "ecosystem:suggestions", STAFF, order=61, permission="ecosystem.manage_players"),
    Entry(_("Published ecosystem maps"), "ecosystem:snapshots", PUBLIC, order=25),
)
