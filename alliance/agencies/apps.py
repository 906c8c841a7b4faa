from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgenciesConfig(AppConfig):
    name = "alliance.agencies"
    label = "agencies"
    verbose_name = _("Partner agencies")

    def ready(self):
        from alliance.agencies import (
            jobs,
            mailings,  # noqa: F401  registers the bulk e-mails
            navigation,  # noqa: F401  registers its menu entries and dashboard tiles
            phrases,  # noqa: F401  registers the audit action labels
        )

        jobs.register()
