"""What the ecosystem map adds to the header menu (`alliance.core.navigation`)."""

from django.utils.translation import gettext_lazy as _

from alliance.core.navigation import PUBLIC, STAFF, Entry, register_links

register_links(
    Entry(_("Ecosystem map"), "ecosystem:latest", PUBLIC, order=20),
    Entry(_("Ecosystem map management"), "ecosystem:manage", STAFF, order=40, permission="ecosystem.manage_players"),
)
