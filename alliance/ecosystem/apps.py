from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EcosystemConfig(AppConfig):
    name = "alliance.ecosystem"
    label = "ecosystem"
    verbose_name = _("Industry ecosystem map")

    def ready(self):
        from alliance.ecosystem import phrases  # noqa: F401  registers the audit action labels
