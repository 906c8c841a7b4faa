from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InfoConfig(AppConfig):
    name = "alliance.info"
    label = "info"
    verbose_name = _("Information services")

    def ready(self):
        from alliance.info import (  # noqa: F401
            analytics_jobs,  # registers the periodic counting of visits
            archive_jobs,
            frontpage,  # registers its sections of the front page
            mailings,  # registers the bulk e-mails
            navigation,  # registers its menu entries and dashboard tiles
            newsletter_jobs,
            phrases,  # registers the audit action labels
            subscriber_jobs,
        )

        archive_jobs.register()  # the archive's search index kept whole
        newsletter_jobs.register()  # the news feeds' periodic fetch
        subscriber_jobs.register()  # the scheduled send, the consent renewal, the bounce mailbox
