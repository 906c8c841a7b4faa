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

        _connect_data_versions()


def _connect_data_versions() -> None:
    """Writes to the archive's and the newsletter's models move their data version (queries/data_versions.py)."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from alliance.ecosystem.models import ApplicationField, Technology
    from alliance.info.models import Edition, EditionItem, Publisher, Report
    from alliance.info.queries.data_versions import ARCHIVE, NEWSLETTER, changed_handler

    watched = {
        ARCHIVE: (Report, Publisher, Technology, ApplicationField),
        NEWSLETTER: (Edition, EditionItem),
    }
    for area, models in watched.items():
        receiver = changed_handler(area)
        for model in models:
            for signal in (post_save, post_delete):
                signal.connect(
                    receiver, sender=model, weak=False, dispatch_uid=f"info.{area}.{model.__name__}.{id(signal)}"
                )
    archive = changed_handler(ARCHIVE)
    for through in (Report.technologies.through, Report.application_fields.through):
        m2m_changed.connect(archive, sender=through, weak=False, dispatch_uid=f"info.archive.{through.__name__}")
