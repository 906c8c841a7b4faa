"""The app's models; one module per area, each imported here."""

from alliance.events.models.events import CAPACITY_MAX, Event, EventKind, ProgrammeRow, Speaker
from alliance.events.models.registration import Answer, GuestInvitation, OrganisationType, Question, Registration

__all__ = [
    "CAPACITY_MAX",
    "Answer",
    "Event",
    "EventKind",
    "GuestInvitation",
    "OrganisationType",
    "ProgrammeRow",
    "Question",
    "Registration",
    "Speaker",
]
