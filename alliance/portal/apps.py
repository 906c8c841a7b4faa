from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The site shell: home, the signed-in user's page, the menus and the demo logins. It sits above every
    other app (it may import any of them; none imports it)."""

    name = "alliance.portal"
    label = "portal"
    verbose_name = _("Site")

    def ready(self):
        from alliance.portal import navigation  # noqa: F401  registers the portal's own menu entries
