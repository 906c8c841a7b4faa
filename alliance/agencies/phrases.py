"""The Korean labels of the agencies app's audit actions."""

from django.utils.translation import gettext_lazy as _

from alliance.core.audit import register_actions

register_actions(
    {
        "agencies.agency.created": _("Partner agency added"),
        "agencies.liaison.added": _("Agency liaison added"),
        "agencies.plan.item_added": _("Linkage plan item added"),
        "agencies.plan.item_changed": _("Linkage plan item changed"),
        "agencies.plan.item_deleted": _("Linkage plan item deleted"),
        "agencies.plan.submitted": _("Linkage plan submitted"),
        "agencies.report.saved": _("Quarterly report saved"),
        "agencies.report.file_added": _("Quarterly report file attached"),
        "agencies.report.file_removed": _("Quarterly report file removed"),
        "agencies.report.submitted": _("Quarterly report submitted"),
        "agencies.report.accepted": _("Quarterly report accepted"),
        "agencies.report.returned": _("Quarterly report returned with comments"),
        "agencies.deadline.set": _("Report deadline set"),
        "agencies.reminders.sent": _("Report reminders sent"),
    }
)
