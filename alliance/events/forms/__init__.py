"""The events app's forms: staff's event, programme and question forms, and the registration forms."""

from alliance.events.forms.registration import (
    GuestInviteForm,
    MemberRegistrationForm,
    PublicRegistrationForm,
    RegistrationForm,
)
from alliance.events.forms.staff import EventForm, ProgrammeRowForm, QuestionForm, SpeakerForm

__all__ = [
    "EventForm",
    "GuestInviteForm",
    "MemberRegistrationForm",
    "ProgrammeRowForm",
    "PublicRegistrationForm",
    "QuestionForm",
    "RegistrationForm",
    "SpeakerForm",
]
