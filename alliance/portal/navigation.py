"""The portal's own menu entry: the signed-in user's page."""

from django.utils.translation import gettext_lazy as _

from alliance.core.navigation import ACCOUNT, Entry, register_links

register_links(Entry(_("My page"), "portal:dashboard", ACCOUNT))
