import datetime

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "alliance.members"
    label = "members"
    verbose_name = _("Members")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from alliance.members import (
            frontpage,  # noqa: F401  registers its key figure on the front page
            mailings,  # noqa: F401  registers the bulk e-mails
            navigation,  # noqa: F401  registers its menu entries and dashboard tiles
            phrases,  # noqa: F401  registers the audit action labels
        )
        from alliance.members.membership import registry_changed
        from alliance.members.models import BusinessField, Organisation

        post_save.connect(registry_changed, sender=Organisation, dispatch_uid="members.count.saved")
        post_delete.connect(registry_changed, sender=Organisation, dispatch_uid="members.count.deleted")
        # The directory's pages (kept rendered for anonymous visitors under this version) show fields too.
        for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
            signal.connect(registry_changed, sender=BusinessField, dispatch_uid=f"members.fields.{name}")
        m2m_changed.connect(registry_changed, sender=Organisation.fields.through, dispatch_uid="members.org.fields")
        from alliance.core.jobs import Job, register_job
        from alliance.members.services.importing_cleanup import discard_unconfirmed_checks_job

        register_job(
            Job("discard_unconfirmed_member_imports", discard_unconfirmed_checks_job, every=datetime.timedelta(hours=1))
        )
