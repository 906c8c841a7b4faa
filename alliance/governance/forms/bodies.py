"""Forms of the bodies and seats pages (staff)."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.bounds import NamedNumberErrorsMixin, bounded_formfield
from alliance.core.versions import VersionedFormMixin
from alliance.governance.models import Body, Person, Position, Sector
from alliance.members.models import Organisation

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TERMS_PERIODS = ((30, _("30 days")), (60, _("60 days")), (90, _("90 days")), (180, _("180 days")))


class BodyForm(NamedNumberErrorsMixin, VersionedFormMixin, forms.ModelForm):
    """A committee's name, rules and plan; editing one, it carries the body's version (core.versions)."""

    class Meta:
        model = Body
        formfield_callback = bounded_formfield  # numbers within their columns (core/bounds.py)
        fields = (
            "name",
            "kind",
            "order",
            "meetings_planned",
            "quorum_rule",
            "quorum_count",
            "substitutes_count",
            "substitutes_vote",
            "open_to_members",
            "description",
            "abolished_on",
        )
        widgets = {"abolished_on": DATE_WIDGET, "description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, year: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.year = year

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        same = Body.objects.filter(year=self.year, name=name).exclude(pk=self.instance.pk)
        if same.exists():
            raise forms.ValidationError(_("The year already has a committee of this name."))
        return name

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("quorum_rule") == "fixed" and not cleaned.get("quorum_count"):
            self.add_error("quorum_count", _("Give the number of seats the quorum needs."))
        return cleaned


class TermFields(forms.Form):
    position = forms.ChoiceField(label=_("position"), choices=Position.choices, initial=Position.MEMBER)
    term_start = forms.DateField(label=_("term start"), widget=DATE_WIDGET)
    term_end = forms.DateField(label=_("term end"), widget=DATE_WIDGET)
    is_observer = forms.BooleanField(
        label=_("observer"),
        required=False,
        help_text=_("Observers (배석) have no vote and do not count in the quorum."),
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("term_start"), cleaned.get("term_end")
        if start and end and end < start:
            self.add_error("term_end", _("The term must end on or after its start."))
        return cleaned


class SeatForm(TermFields):
    """A seat for an existing person, or for a new one described here."""

    person = forms.ModelChoiceField(
        label=_("seat holder"),
        queryset=Person.objects.order_by("name", "pk"),
        required=False,
        empty_label=_("— a new person (fill in below) —"),
    )
    name = forms.CharField(label=_("name"), max_length=100, required=False)
    member = forms.CharField(
        label=_("member company"),
        max_length=200,
        required=False,
        help_text=_("The member company's exact name; leave empty when the person's organisation is not a member."),
    )
    affiliation = forms.CharField(label=_("affiliation"), max_length=200, required=False)
    title = forms.CharField(label=_("job title"), max_length=100, required=False)
    sector = forms.ChoiceField(label=_("sector"), choices=(("", "—"), *Sector.choices), required=False)
    email = forms.EmailField(label=_("e-mail"), required=False)

    field_order = ("person", "name", "member", "affiliation", "title", "sector", "email")

    def __init__(self, *args, body: Body, **kwargs):
        super().__init__(*args, **kwargs)
        self.body = body
        self.fields["term_start"].initial = datetime.date(body.year, 1, 1)
        self.fields["term_end"].initial = datetime.date(body.year, 12, 31)

    def clean_member(self):
        name = self.cleaned_data["member"].strip()
        if not name:
            return None
        organisation = Organisation.objects.filter(name=name).first()
        if organisation is None:
            raise forms.ValidationError(
                _("No member company has this name; write the organisation under affiliation instead.")
            )
        return organisation

    def clean(self):
        cleaned = super().clean()
        person = cleaned.get("person")
        if person is None:
            if not cleaned.get("name", "").strip():
                self.add_error("name", _("Pick a person or give the new person's name."))
            if not cleaned.get("sector"):
                self.add_error("sector", _("Give the new person's sector."))
            if not cleaned.get("member") and not cleaned.get("affiliation", "").strip():
                self.add_error("affiliation", _("Give the member company or the affiliation."))
        elif self.body.seats.filter(person=person).exists():
            self.add_error("person", _("This person already has a seat on this committee."))
        return cleaned


class SeatEditForm(VersionedFormMixin, TermFields):
    """A seat and its holder's details; it carries the seat's version (core.versions): staff edit seats, and
    the holder's details show on each of their seats."""

    title = forms.CharField(label=_("job title"), max_length=100, required=False)
    affiliation = forms.CharField(label=_("affiliation"), max_length=200)
    sector = forms.ChoiceField(label=_("sector"), choices=Sector.choices)
    email = forms.EmailField(label=_("e-mail"), required=False)


class EndSeatForm(forms.Form):
    ended_on = forms.DateField(label=pgettext_lazy("seat", "Leaves on"), widget=DATE_WIDGET)


class TermsPeriodForm(forms.Form):
    within = forms.TypedChoiceField(
        label=_("Terms ending within"), choices=TERMS_PERIODS, coerce=int, initial=60, required=False
    )
