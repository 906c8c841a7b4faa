from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "alliance.members"
    label = "members"
    verbose_name = _("Members")

    def ready(self):
        from alliance.members import phrases  # noqa: F401  registers the audit action labels
