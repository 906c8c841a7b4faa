"""Forms of the investment day: its grid, desks, companies and requests, bookings, interest, declines."""

import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.core.bounds import NamedNumberErrorsMixin
from alliance.core.models import User
from alliance.core.roles import Role
from alliance.core.versions import VersionedFormMixin
from alliance.members.membership import current_members
from alliance.members.models import Organisation
from alliance.programs.models import Desk, Meeting

TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
MAX_REQUESTS = 5
ORDINALS = (_("1st choice"), _("2nd choice"), _("3rd choice"), _("4th choice"), _("5th choice"))


def _time_field(label):
    return forms.RegexField(label=label, regex=TIME, error_messages={"invalid": _("Write the time as HH:MM.")})


class DayForm(NamedNumberErrorsMixin, VersionedFormMixin, forms.Form):
    date = forms.DateField(label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    venue = forms.CharField(label=_("Venue"), max_length=200, required=False)
    starts = _time_field(_("First meeting"))
    ends = _time_field(_("Last meeting ends by"))
    every_minutes = forms.IntegerField(label=_("A meeting every (minutes)"), min_value=5, max_value=240)
    length_minutes = forms.IntegerField(label=_("Meeting length (minutes)"), min_value=5, max_value=240)
    breaks = forms.CharField(
        label=_("Breaks"),
        required=False,
        help_text=_("Start and end, one per line: 15:40-16:00"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    @staticmethod
    def initial_for(day) -> dict:
        fields = ("date", "venue", "starts", "ends", "every_minutes", "length_minutes")
        return {**{name: getattr(day, name) for name in fields}, "breaks": "\n".join(f"{a}-{b}" for a, b in day.breaks)}

    def clean_breaks(self):
        pauses = []
        for number, line in enumerate(self.cleaned_data["breaks"].splitlines(), start=1):
            if not line.strip():
                continue
            start, _sep, end = (part.strip() for part in line.partition("-"))
            if not (TIME.match(start) and TIME.match(end) and start < end):
                raise forms.ValidationError(
                    _("Line %(line)s: write a break as start-end, e.g. 15:40-16:00.") % {"line": number}
                )
            pauses.append((start, end))
        return pauses


class SlotsField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, *, slots, **kwargs):
        super().__init__(choices=[(slot, slot) for slot in slots], required=False, **kwargs)


class DeskForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Desk.Kind.choices)
    firm = forms.CharField(label=_("Firm"), max_length=200)
    person = forms.CharField(label=_("Person"), max_length=100, required=False)
    user = forms.ModelChoiceField(
        label=_("Investor account"),
        queryset=None,
        required=False,
        help_text=_("The account sees its own schedule and records interest."),
    )

    def __init__(self, *args, day, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = User.objects.with_role(Role.INVESTOR).filter(is_active=True)
        self.fields["unavailable"] = SlotsField(slots=day.slots, label=_("Unavailable slots"))


class AvailabilityForm(VersionedFormMixin, forms.Form):
    """A desk's unavailable slots (staff); `version=` the desk's (core.versions)."""

    def __init__(self, *args, slots, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unavailable"] = SlotsField(slots=slots, label=_("Unavailable slots"))


class CompanyAddForm(forms.Form):
    """A company to seat at the investment day: a member today (`members.membership`)."""

    organisation = forms.ModelChoiceField(label=_("Member company"), queryset=Organisation.objects.none())
    priority = forms.BooleanField(label=_("Priority (awardee)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = current_members(timezone.localdate()).order_by("name")


class RequestsForm(VersionedFormMixin, forms.Form):
    """Up to five investors in order of preference; a gap or a repeat is refused. The company and staff both
    edit them: `version=` the company's (core.versions)."""

    def __init__(self, *args, desks, **kwargs):
        super().__init__(*args, **kwargs)
        self.desks = {str(desk.pk): desk for desk in desks}
        choices = [("", "—")] + [(key, str(desk)) for key, desk in self.desks.items()]
        for number in range(min(MAX_REQUESTS, len(self.desks))):
            self.fields[f"choice_{number + 1}"] = forms.ChoiceField(
                label=ORDINALS[number], choices=choices, required=False
            )

    @staticmethod
    def initial_for(company) -> dict:
        return {f"choice_{r.rank}": str(r.desk_id) for r in company.requests.all() if r.rank <= MAX_REQUESTS}

    def clean(self):
        choices = [name for name in self.fields if name.startswith("choice_")]
        picked = [self.cleaned_data.get(name) or "" for name in choices]
        while picked and not picked[-1]:
            picked.pop()
        if "" in picked:
            raise forms.ValidationError(_("Fill the choices in order, without a gap."))
        if len(set(picked)) != len(picked):
            raise forms.ValidationError(_("Each investor may be requested once."))
        self.cleaned_data["desks"] = [self.desks[key] for key in picked]
        return self.cleaned_data


class CompanySettingsForm(VersionedFormMixin, forms.Form):
    """A company's priority and unavailable slots (staff); `version=` the company's (core.versions)."""

    priority = forms.BooleanField(label=_("Priority (awardee)"), required=False)

    def __init__(self, *args, slots, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unavailable"] = SlotsField(slots=slots, label=_("Unavailable slots"))


class BookForm(forms.Form):
    def __init__(self, *args, day, desks, companies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["desk"] = forms.ModelChoiceField(label=_("Investor"), queryset=desks)
        self.fields["company"] = forms.ModelChoiceField(label=_("Company"), queryset=companies)
        self.fields["slot"] = forms.ChoiceField(label=_("Time"), choices=[(s, s) for s in day.slots])


class MeetingActionForm(forms.Form):
    """A status change, or (`move`) a new desk and slot for the meeting."""

    ACTIONS = (*Meeting.Status.choices, ("move", _("Move")))

    action = forms.ChoiceField(choices=ACTIONS)

    def __init__(self, *args, day, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["desk"] = forms.ModelChoiceField(queryset=day.desks.all(), required=False)
        self.fields["slot"] = forms.ChoiceField(choices=[("", "—")] + [(s, s) for s in day.slots], required=False)

    def clean(self):
        data = super().clean()
        if data.get("action") == "move" and not (data.get("desk") and data.get("slot")):
            raise forms.ValidationError(_("Choose the investor and the time to move the meeting to."))
        return data


class OfferForm(forms.Form):
    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = {str(company.pk): company for company in candidates}
        self.fields["company"] = forms.ChoiceField(
            label=_("Waiting company"), choices=[(k, str(c)) for k, c in self.candidates.items()]
        )

    def clean_company(self):
        return self.candidates[self.cleaned_data["company"]]


class InterestForm(forms.Form):
    interest = forms.ChoiceField(label=_("Interest"), choices=Meeting.Interest.choices[1:])
    note = forms.CharField(label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class DeclinesForm(VersionedFormMixin, forms.Form):
    """The companies an investor declines; `version=` the desk's (core.versions)."""

    def __init__(self, *args, companies, **kwargs):
        super().__init__(*args, **kwargs)
        self.companies = {str(company.pk): company for company in companies}
        self.fields["declined"] = forms.MultipleChoiceField(
            label=_("Companies you decline to meet"),
            choices=[(key, str(company)) for key, company in self.companies.items()],
            widget=forms.CheckboxSelectMultiple,
            required=False,
        )
