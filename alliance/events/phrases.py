"""The Korean labels of the events app's audit actions. Each area adds its own `register_actions` call."""

from django.utils.translation import gettext_lazy as _

from alliance.core.audit import register_actions

# ---- events, programme and registration ----------------------------------------------------------------------
register_actions(
    {
        "events.event.created": _("Event created"),
        "events.event.changed": _("Event changed"),
        "events.event.published": _("Event published"),
        "events.event.unpublished": _("Event withdrawn from the public pages"),
        "events.programme.row_saved": _("Programme row saved"),
        "events.programme.row_deleted": _("Programme row deleted"),
        "events.programme.speaker_saved": _("Programme speaker saved"),
        "events.programme.speaker_deleted": _("Programme speaker deleted"),
        "events.question.saved": _("Registration question saved"),
        "events.question.deleted": _("Registration question deleted"),
        "events.guest.invited": _("Guest invited to an event"),
        "events.registration.created": _("Registered for an event"),
        "events.registration.cancelled": _("Event registration cancelled"),
        "events.registration.promoted": _("Moved up from the waiting list"),
        "events.reminders.sent": _("Event reminders sent"),
    }
)

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
        "events.survey.answered": _("Event satisfaction survey answered"),
        "events.photo.added": _("Event photo added"),
        "events.photo.removed": _("Event photo removed"),
    }
)
