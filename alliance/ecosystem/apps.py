from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EcosystemConfig(AppConfig):
    name = "alliance.ecosystem"
    label = "ecosystem"
    verbose_name = _("Industry ecosystem map")

    def ready(self):
        from alliance.ecosystem import (
            mailings,  # noqa: F401  registers the bulk e-mails
            navigation,  # noqa: F401  registers its menu entries and dashboard tiles
            phrases,  # noqa: F401  registers the audit action labels
        )
