"""The Korean labels of the reports app's audit actions. Each area adds its own `register_actions` call."""

from django.utils.translation import gettext_lazy as _

from alliance.core.audit import register_actions

# ---- the yearly plan -------------------------------------------------------------------------------------------
register_actions(
    {
        "reports.plan_item_added": _("Plan item added"),
        "reports.plan_item_changed": _("Plan item changed"),
        "reports.plan_item_deleted": _("Plan item deleted"),
    }
)

# ---- indicators ------------------------------------------------------------------------------------------------
register_actions(
    {
        "reports.indicator_added": _("Indicator added"),
        "reports.indicator_target_set": _("Indicator target set"),
        "reports.indicator_value_added": _("Indicator value entered"),
    }
)

# ---- the quarterly briefing ---------------------------------------------------------------------------------------
register_actions(
    {
        "reports.briefing.generated": _("Quarterly briefing generated"),
        "reports.briefing.edited": _("Quarterly briefing text edited"),
        "reports.briefing.frozen": _("Quarterly briefing frozen as sent"),
    }
)
