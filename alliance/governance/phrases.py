"""The Korean labels of the governance app's audit actions. Each area adds its own `register_actions` call."""

from django.utils.translation import gettext_lazy as _

from alliance.core.audit import register_actions

# ---- minutes -------------------------------------------------------------------------------------------------
register_actions(
    {
        "governance.minutes.started": _("Minutes drafted from the agenda"),
        "governance.minutes.item_updated": _("Minutes item edited"),
        "governance.minutes.item_added": _("Minutes item added"),
        "governance.minutes.file_added": _("File added to the minutes"),
        "governance.minutes.file_removed": _("File removed from the minutes"),
        "governance.minutes.action_done": _("Action item ticked"),
        "governance.minutes.circulate": _("Minutes circulated for comments"),
        "governance.minutes.reopen": _("Minutes reopened for editing"),
        "governance.minutes.confirm": _("Minutes confirmed"),
        "governance.minutes.correction_started": _("Correction of confirmed minutes started"),
        "governance.minutes.commented": _("Comment on the minutes"),
    }
)
