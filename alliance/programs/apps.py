from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "alliance.programs"
    label = "programs"
    verbose_name = _("Project-group competition")

    def ready(self):
        from alliance.programs import (
            frontpage,  # noqa: F401  registers its key figure and its calls on the front page
            mailings,  # noqa: F401  registers the bulk e-mails
            navigation,  # noqa: F401  registers its menu entries and dashboard tiles
            phrases,  # noqa: F401  registers the audit action labels
        )
