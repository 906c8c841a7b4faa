from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "alliance.governance"
    label = "governance"
    verbose_name = _("Governance")

    def ready(self):
        from alliance.core.seats import register_seat_check
        from alliance.governance import (
            jobs,  # noqa: F401  registers the periodic jobs
            mailings,  # noqa: F401  registers the bulk e-mails
            navigation,  # noqa: F401  registers its menu entries and dashboard tiles
            phrases,  # noqa: F401  registers the audit action labels
            rules,
        )

        register_seat_check(rules.holds_seat_in_body_named)
