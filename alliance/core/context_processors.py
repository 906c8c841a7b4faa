"""What every page's footer shows: the secretariat's contact, from settings (SECRETARIAT_*)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _


def secretariat_name():
    """The secretariat's name from settings, or the default name in the active language."""
    return settings.SECRETARIAT_NAME or _("Metaverse Alliance secretariat")


def secretariat(request):
    return {
        "secretariat": {
            "name": secretariat_name(),
            "phone": settings.SECRETARIAT_PHONE,
            "email": settings.SECRETARIAT_EMAIL,
            "address": settings.SECRETARIAT_ADDRESS,
        }
    }
