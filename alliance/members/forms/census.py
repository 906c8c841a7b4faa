"""Forms of the member census: opening a round, a respondent's profile, and a staff review."""

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.core.forms import SIGUNGU_HELP_TEXT, SigunguFormMixin
from alliance.core.regions import SidoChoices
from alliance.members.models import Organisation
from alliance.members.services.census_responses import PROFILE_FIELDS, profile_changes, profile_values


def _https_urls(model_field, **kwargs):
    """Homepages typed without a scheme are https://, as browsers now assume."""
    if isinstance(model_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return model_field.formfield(**kwargs)


class CensusRoundForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    closes_on = forms.DateField(
        label=_("Closing date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Links stop working at the end of this day."),
    )

    def clean_title(self):
        return self.cleaned_data["title"].strip()

    def clean_closes_on(self):
        closes_on = self.cleaned_data["closes_on"]
        if closes_on < timezone.localdate():
            raise forms.ValidationError(_("Closing date: choose today or a later date."))
        return closes_on


PROFILE_MODEL_FIELDS = tuple(name for name in PROFILE_FIELDS if name != "fields")


class CensusProfileForm(SigunguFormMixin, forms.Form):
    """The public profile a respondent confirms or corrects. Business fields are typed, comma separated.

    A plain form (not a ModelForm), so that validating it never touches the organisation it was filled from.
    """

    fields_text = forms.CharField(
        label=_("Business fields"),
        required=False,
        max_length=600,
        help_text=_(
            "Separate fields with commas, e.g. Digital twin, XR content. A field not on the secretariat's list "
            "goes to the secretariat as a proposal."
        ),
    )
    respondent_name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        required=False,
        help_text=_("So that the secretariat knows whom to ask about the changes."),
    )

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        model_fields = forms.fields_for_model(
            Organisation,
            fields=PROFILE_MODEL_FIELDS,
            widgets={"description": forms.Textarea(attrs={"rows": 5})},
            help_texts={"sigungu": SIGUNGU_HELP_TEXT},
            formfield_callback=_https_urls,
        )
        respondent = self.fields.pop("respondent_name")
        fields_text = self.fields.pop("fields_text")
        for name in PROFILE_MODEL_FIELDS:
            self.fields[name] = model_fields[name]
            if name == "revenue_million":
                self.fields["fields_text"] = fields_text
        self.fields["respondent_name"] = respondent
        self.fields["sido"].choices = [("", "-"), *SidoChoices.choices]
        # Also when bound: `edited_field_labels` compares what was submitted with the profile.
        self.initial.update({name: getattr(organisation, name) for name in PROFILE_MODEL_FIELDS})
        self.initial["fields_text"] = ", ".join(field.name for field in organisation.fields.all())

    def clean_founded_year(self):
        year = self.cleaned_data.get("founded_year")
        if year is not None and not 1800 <= year <= timezone.localdate().year:
            raise forms.ValidationError(
                _("Year founded: enter a year between 1800 and %(year)s.") % {"year": timezone.localdate().year}
            )
        return year

    def clean_revenue_million(self):
        revenue = self.cleaned_data.get("revenue_million")
        if revenue is not None and revenue < 0:
            raise forms.ValidationError(_("Revenue: enter zero or a positive amount in KRW million."))
        return revenue

    def clean_fields_text(self):
        names = [name.strip() for name in self.cleaned_data["fields_text"].replace("\n", ",").split(",")]
        names = sorted({name for name in names if name})
        too_long = [name for name in names if len(name) > 60]
        if too_long:
            raise forms.ValidationError(
                _("Business fields: '%(name)s' is longer than 60 characters.") % {"name": too_long[0]}
            )
        return names

    def edited_field_labels(self) -> list[str]:
        """Labels of the profile fields whose submitted value differs from the organisation's profile, in form
        order. A valid form is compared value by value (as the review would record it); an invalid one by
        what was typed. A field missing from the submission (not shown to the respondent) was not edited."""
        if self.is_valid():
            changed = profile_changes(profile_values(self.organisation), self.profile_values())
            names = ["fields_text" if name == "fields" else name for name in changed]
        else:
            names = self.changed_data
        return [
            str(field.label)
            for name, field in self.fields.items()
            if name in names and name in self.data and name != "respondent_name"
        ]

    def profile_values(self) -> dict:
        """The cleaned profile as JSON-ready values keyed like the census `changes`."""
        values = {name: self.cleaned_data[name] for name in PROFILE_MODEL_FIELDS}
        values["description"] = values["description"].replace("\r\n", "\n").strip()
        values["fields"] = self.cleaned_data["fields_text"]
        return values


class CensusReviewForm(forms.Form):
    note = forms.CharField(
        label=_("Note to record"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
