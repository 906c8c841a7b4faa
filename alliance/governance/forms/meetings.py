"""Forms of the meeting pages: the meeting itself, agenda parts, papers, replies, attendance and decisions."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.core.bounds import VOTES_MAX, NamedNumberErrorsMixin, bounded_formfield
from alliance.core.versions import VersionedFormMixin
from alliance.governance.models import (
    AgendaItem,
    AttendanceStatus,
    DecisionEffect,
    DecisionMethod,
    DecisionOutcome,
    Meeting,
    ReplyAnswer,
)
from alliance.programs.uploads import ACCEPT_ATTRIBUTE

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _https_links(field, **kwargs):
    """Model fields to form fields; a link typed without a scheme is read as https, a number is bounded by its
    column (core/bounds.py)."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return bounded_formfield(field, **kwargs)


class MeetingForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        formfield_callback = _https_links
        model = Meeting
        fields = ("date", "starts_at", "place", "online_link", "format", "planned_period", "planned_topics")
        widgets = {"date": DATE, "starts_at": TIME, "planned_topics": forms.Textarea(attrs={"rows": 3})}


class NewMeetingForm(NamedNumberErrorsMixin, forms.ModelForm):
    class Meta:
        formfield_callback = _https_links
        model = Meeting
        fields = ("number", "date", "starts_at", "place", "online_link", "format", "planned_period", "planned_topics")
        widgets = {"date": DATE, "starts_at": TIME, "planned_topics": forms.Textarea(attrs={"rows": 3})}


class AgendaItemForm(NamedNumberErrorsMixin, VersionedFormMixin, forms.ModelForm):
    """An agenda part; editing one, it carries the item's version (core.versions)."""

    class Meta:
        formfield_callback = bounded_formfield
        model = AgendaItem
        fields = (
            "kind",
            "title",
            "duration_minutes",
            "presenter_name",
            "presenter_affiliation",
            "presenter_title",
            "note",
            "details",
        )
        widgets = {"details": forms.Textarea(attrs={"rows": 3})}

    def clean_duration_minutes(self):
        minutes = self.cleaned_data["duration_minutes"]
        if minutes < 1 or minutes > 600:
            raise forms.ValidationError(_("Enter a number of minutes from 1 to 600."))
        return minutes


class PaperForm(forms.Form):
    file = forms.FileField(
        label=_("Paper"),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
        help_text=_("PDF, HWP, HWPX, DOCX or PPTX."),
    )


class ReplyForm(forms.Form):
    answer = forms.ChoiceField(label=_("Your answer"), choices=ReplyAnswer.choices, widget=forms.RadioSelect)
    substitute_name = forms.CharField(label=_("substitute's name"), max_length=100, required=False)
    substitute_title = forms.CharField(label=_("substitute's title"), max_length=100, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("answer") == ReplyAnswer.SUBSTITUTE:
            if not cleaned.get("substitute_name", "").strip():
                self.add_error("substitute_name", _("Enter the name of the person attending in your place."))
            if not cleaned.get("substitute_title", "").strip():
                self.add_error("substitute_title", _("Enter the job title of the person attending in your place."))
        return cleaned


class DecisionForm(NamedNumberErrorsMixin, forms.Form):
    motion = forms.CharField(label=_("motion"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)
    agenda_item = forms.ModelChoiceField(label=_("agenda item"), queryset=AgendaItem.objects.none(), required=False)
    method = forms.ChoiceField(label=_("method"), choices=DecisionMethod.choices, widget=forms.RadioSelect)
    votes_for = forms.IntegerField(max_value=VOTES_MAX, label=_("for"), min_value=0, required=False)
    votes_against = forms.IntegerField(max_value=VOTES_MAX, label=_("against"), min_value=0, required=False)
    abstentions = forms.IntegerField(max_value=VOTES_MAX, label=_("abstentions"), min_value=0, required=False)
    outcome = forms.ChoiceField(label=_("outcome"), choices=DecisionOutcome.choices)
    effect = forms.ChoiceField(label=_("effect"), choices=DecisionEffect.choices)

    def __init__(self, *args, meeting, seats, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = meeting.agenda_items.filter(kind="item").order_by("order")
        self.fields["seats"] = forms.ModelMultipleChoiceField(
            label=_("seats concerned"),
            queryset=seats,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text=_("For terms extended by one year: the seats whose terms are extended."),
        )
        self.fields["seats"].label_from_instance = lambda seat: f"{seat.person.name} ({seat.person.affiliation})"
        self.fields["bodies"] = forms.ModelMultipleChoiceField(
            label=_("bodies concerned"),
            queryset=bodies,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text=_("For a body established or abolished."),
        )


ATTENDANCE_CHOICES = AttendanceStatus.choices
