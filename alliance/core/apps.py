from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "alliance.core"
    label = "core"
    verbose_name = _("Platform")

    def ready(self):
        from alliance.core import converters

        converters.register()

        from alliance.core.navigation import STAFF, Entry, register_links, register_tiles

        audit_log = Entry(_("Audit log"), "core:audit_log", STAFF, order=90, permission="core.view_auditentry")
        register_links(audit_log)
        register_tiles(audit_log)
        privacy = Entry(
            _("Edit the privacy policy"), "core:privacy_edit", STAFF, order=95, permission="core.add_privacypolicy"
        )
        register_tiles(privacy)

        from alliance.core import periodic_jobs

        periodic_jobs.register()
