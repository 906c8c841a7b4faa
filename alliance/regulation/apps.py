from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegulationConfig(AppConfig):
    name = "alliance.regulation"
    label = "regulation"
    verbose_name = _("Regulatory self-service")

    def ready(self):
        from alliance.regulation import (
            company_facts,  # noqa: F401  registers the latest ethics score for the competition's evaluators
            jobs,
            navigation,  # noqa: F401  registers its menu entries and dashboard tiles
            phrases,  # noqa: F401  registers the audit action labels
            rules,  # noqa: F401  registers the permissions
        )

        jobs.register()
