"""Mentoring forms: adding a mentor to the pool, scheduling, feedback, and a group's interim results."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from alliance.core.roles import Role
from alliance.core.versions import VersionedFormMixin
from alliance.programs.default_rubric import MENTORING_FIELDS
from alliance.programs.forms.programme import DATETIME_WIDGET
from alliance.programs.models.mentoring import ROUNDS
from alliance.programs.uploads import ACCEPT_ATTRIBUTE

FIELD_CHOICES = [(name, name) for name in MENTORING_FIELDS]


class MentorForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Mentor"), queryset=get_user_model().objects.none())
    field = forms.ChoiceField(label=_("Mentoring field"), choices=FIELD_CHOICES)
    expertise = forms.CharField(label=_("Expertise"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            get_user_model().objects.with_role(Role.EVALUATOR).filter(is_active=True).order_by("name", "email")
        )
        self.fields["user"].label_from_instance = lambda user: f"{user.name} <{user.email}>"


class ScheduleForm(VersionedFormMixin, forms.Form):
    """A session's time and place (staff or its mentor); `version=` the session's (core.versions)."""

    starts_at = forms.DateTimeField(label=_("Date and time (Korean time)"), widget=DATETIME_WIDGET)
    place = forms.CharField(label=_("Place or video link"), max_length=200, required=False)


class FeedbackForm(forms.Form):
    feedback = forms.CharField(label=_("Feedback"), widget=forms.Textarea(attrs={"rows": 8}))


class InterimResultForm(forms.Form):
    round_number = forms.TypedChoiceField(label=_("Round"), choices=[(n, n) for n in ROUNDS], coerce=int)
    file = forms.FileField(label=_("File"), widget=forms.ClearableFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}))
