"""The secretariat's compiled documents: the yearly plan (추진 일정, 추진계획), indicators and the quarterly
steering-committee briefing (issue 14)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "alliance.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self):
        from alliance.reports import (  # noqa: F401
            navigation,  # registers its menu entries and dashboard tiles
            phrases,  # registers the audit action labels
            rules,  # registers the permissions
        )
