"""The Korean labels of the regulation app's audit actions."""

from django.utils.translation import gettext_lazy as _

from alliance.core.audit import register_actions

register_actions(
    {
        "regulation.checklist.started": _("Ethics checklist of a year started"),
        "regulation.checklist.changed": _("Ethics checklist changed"),
        "regulation.checklist.published": _("Ethics checklist version published"),
        "regulation.selfcheck.saved": _("Ethics self-check draft saved"),
        "regulation.selfcheck.submitted": _("Ethics self-check submitted"),
        "regulation.filing.created": _("Platform filing drafted"),
        "regulation.filing.saved": _("Platform filing changed"),
        "regulation.filing.submitted": _("Platform filing submitted"),
        "regulation.filing.received": _("Platform filing received"),
        "regulation.filing.returned": _("Platform filing returned with comments"),
        "regulation.filing.reminded": _("Platform filing re-confirmation requested"),
    }
)
