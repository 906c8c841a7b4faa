"""The app's models; one module per area, each imported here."""

from alliance.events.models.awards import EventAward, PitchSlot
from alliance.events.models.coverage import EventPhoto, PressArticle
from alliance.events.models.events import CAPACITY_MAX, Event, EventKind, ProgrammeRow, Speaker
from alliance.events.models.registration import Answer, GuestInvitation, OrganisationType, Question, Registration
from alliance.events.models.survey import SurveyInvitation

__all__ = [
    "CAPACITY_MAX",
    "Answer",
    "Event",
    "EventAward",
    "EventKind",
    "EventPhoto",
    "GuestInvitation",
    "OrganisationType",
    "PitchSlot",
    "PressArticle",
    "ProgrammeRow",
    "Question",
    "Registration",
    "Speaker",
    "SurveyInvitation",
]
