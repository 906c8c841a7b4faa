"""The Korean labels of core's own audit actions and recorded keys (registered from CoreConfig.ready)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.audit import register_actions, register_key_labels, register_value_formats
from alliance.core.roles import Role

register_actions(
    {
        "core.user.role_granted": _("Role granted"),
        "core.user.role_revoked": _("Role revoked"),
        "core.user.roles_changed": _("Roles changed"),
    }
)
register_key_labels({"roles": pgettext_lazy("audit key", "roles")})


def role_list(values) -> str:
    """Stored role values as their labels ("사무국, 운영위원"); "-" for none."""
    labels = [str(Role(value).label) if value in Role.values else str(value) for value in values or ()]
    return ", ".join(labels) or "-"


register_value_formats("core.user", {"roles": role_list})
