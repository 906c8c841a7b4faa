"""The Korean labels of the information services' audit actions. Each area adds its own `register_actions` call."""

from django.utils.translation import gettext_lazy as _

from alliance.core.audit import register_actions

# ---- subscribers ------------------------------------------------------------------------------------------------
register_actions(
    {
        "info.subscriber.requested": _("Newsletter subscription requested (confirmation e-mailed)"),
        "info.subscriber.confirmed": _("Newsletter subscription confirmed"),
        "info.subscriber.own_changed": _("Own newsletter subscription changed"),
        "info.subscriber.unsubscribed": _("Unsubscribed from the newsletter"),
        "info.subscriber.renewed": _("Consent to advertising renewed"),
        "info.subscriber.imported": _("Newsletter subscribers imported"),
        "info.subscriber.suspended": _("Newsletter address suspended after bounces"),
        "info.subscriber.renewal_lapsed": _("Advertising suspended: consent not renewed"),
    }
)

# Analytics
register_actions({"info.visits.imported": _("Past monthly visits imported")})
