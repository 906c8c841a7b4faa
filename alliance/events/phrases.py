"""The Korean labels of the events app's audit actions. Each area adds its own `register_actions` call."""

from django.utils.translation import gettext_lazy as _

from alliance.core.audit import register_actions

# ---- the door: check-in and walk-ins ---------------------------------------------------------------------------
register_actions(
    {
        "events.checked_in": _("Guest checked in at the door"),
        "events.walk_in": _("Walk-in registered and checked in at the door"),
    }
)

# ---- the results-sharing day: awards and the IR pitching order --------------------------------------------------
register_actions(
    {
        "events.award.imported": _("Competition winners added to the award list"),
        "events.award.added": _("Award added to the award list"),
        "events.award.removed": _("Award removed from the award list"),
        "events.pitching.planned": _("IR pitching order saved"),
    }
)

# ---- after the event: press coverage, photos, the survey ------------------------------------------------------
register_actions(
    {
        "events.press.added": _("Press article added"),
        "events.press.removed": _("Press article removed"),
    }
)
