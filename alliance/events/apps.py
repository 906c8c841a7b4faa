"""The alliance's events: programme, registration with a waiting list, tickets, check-in, badges, press coverage
and the satisfaction survey (issue 14)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "alliance.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        from alliance.events import (  # noqa: F401
            frontpage,  # registers its coming events on the front page's agenda
            jobs,
            mailings,  # registers the bulk e-mails
            navigation,  # registers its menu entries and dashboard tiles
            phrases,  # registers the audit action labels
            rules,  # registers the permissions
        )

        jobs.register()
