from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "alliance.core"
    label = "core"
    verbose_name = _("Platform")

    def ready(self):
        from alliance.core import converters, phrases  # noqa: F401  (phrases registers audit labels)

        converters.register()

        from alliance.core.navigation import STAFF, Entry, register_links, register_tiles

        audit_log = Entry(_("Audit log"), "core:audit_log", STAFF, order=90, permission="core.view_auditentry")
        accounts = Entry(_("Accounts"), "core:accounts", STAFF, order=85, permission="core.change_user_roles")
        register_links(accounts, audit_log)
        register_tiles(accounts, audit_log)
        privacy = Entry(
            _("Edit the privacy policy"), "core:privacy_edit", STAFF, order=95, permission="core.add_privacypolicy"
        )
        register_tiles(privacy)

        from alliance.core import periodic_jobs

        periodic_jobs.register()
