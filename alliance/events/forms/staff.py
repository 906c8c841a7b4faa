"""Staff's forms: the event (versioned), a programme row, a speaker and a registration question. A row,
speaker or question form carries the event's version (every programme change moves it on), so two staff
editing the same programme do not undo each other's changes."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.bounds import NamedNumberErrorsMixin
from alliance.core.versions import VersionedFormMixin
from alliance.events.models import CAPACITY_MAX, Event, ProgrammeRow, Question, Speaker

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
ORDER_MAX = 1000


def order_field() -> forms.IntegerField:
    return forms.IntegerField(label=_("order"), min_value=0, max_value=ORDER_MAX, initial=0)


MOMENT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class EventForm(NamedNumberErrorsMixin, VersionedFormMixin, forms.ModelForm):
    online_url = forms.URLField(label=pgettext_lazy("event", "online link"), required=False, assume_scheme="https")
    capacity = forms.IntegerField(
        label=_("capacity"), min_value=0, max_value=CAPACITY_MAX, initial=0, help_text=_("0 means no limit.")
    )

    class Meta:
        model = Event
        fields = (
            "title",
            "kind",
            "summary",
            "date",
            "starts_at",
            "ends_at",
            "venue_name",
            "venue_address",
            "online_url",
            "host",
            "organiser",
            "sponsor",
            "mc_name",
            "mc_title",
            "capacity",
            "registration_opens_at",
            "registration_closes_at",
            "open_to_members",
            "open_to_public",
        )
        widgets = {
            "date": DATE,
            "starts_at": TIME,
            "ends_at": TIME,
            "registration_opens_at": MOMENT,
            "registration_closes_at": MOMENT,
            "summary": forms.Textarea(attrs={"rows": 4}),
        }

    def clean(self):
        data = super().clean()
        opens, closes = data.get("registration_opens_at"), data.get("registration_closes_at")
        if opens and closes and closes <= opens:
            self.add_error("registration_closes_at", _("Registration must close after it opens."))
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The event must end after it starts."))
        return data


class ProgrammeRowForm(NamedNumberErrorsMixin, VersionedFormMixin, forms.ModelForm):
    order = order_field()

    class Meta:
        model = ProgrammeRow
        fields = ("section", "starts_at", "ends_at", "content", "note", "room", "order")
        widgets = {"starts_at": TIME, "ends_at": TIME}

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("A programme row must end after it starts."))
        return data


class SpeakerForm(NamedNumberErrorsMixin, VersionedFormMixin, forms.ModelForm):
    order = order_field()

    class Meta:
        model = Speaker
        fields = ("name", "affiliation", "title", "role", "order")


class QuestionForm(NamedNumberErrorsMixin, VersionedFormMixin, forms.ModelForm):
    order = order_field()

    class Meta:
        model = Question
        fields = ("text", "kind", "choices", "required", "order")
        widgets = {"choices": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        data = super().clean()
        if data.get("kind") == Question.Kind.CHOICE and not (data.get("choices") or "").strip():
            self.add_error("choices", _("Give the choices, one a line."))
        return data
