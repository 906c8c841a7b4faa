import datetime

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EcosystemConfig(AppConfig):
    name = "alliance.ecosystem"
    label = "ecosystem"
    verbose_name = _("Industry ecosystem map")

    def ready(self):
        from alliance.core.jobs import Job, register_job
        from alliance.ecosystem import (
            frontpage,  # noqa: F401  registers its key figure on the front page
            mailings,  # noqa: F401  registers the bulk e-mails
            navigation,  # noqa: F401  registers its menu entries and dashboard tiles
            phrases,  # noqa: F401  registers the audit action labels
        )
        from alliance.ecosystem.services.landscape_uploads import discard_unconfirmed_uploads_job

        register_job(
            Job(
                "discard_unconfirmed_landscape_uploads",
                discard_unconfirmed_uploads_job,
                every=datetime.timedelta(hours=1),
            )
        )
