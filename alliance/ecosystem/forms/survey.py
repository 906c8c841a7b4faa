"""Forms of the map survey: opening one (staff), a company's answer, the staff review."""

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.core.bounds import COUNT_MAX, EMPLOYEES_MAX, REVENUE_MILLION_MAX, NamedNumberErrorsMixin
from alliance.core.versions import VersionedFormMixin
from alliance.ecosystem.models import Taxonomy


class SurveyOpenForm(forms.Form):
    taxonomy = forms.ModelChoiceField(label=_("Year"), queryset=Taxonomy.objects.all(), to_field_name="year")
    title = forms.CharField(label=_("Title"), max_length=200)
    closes_on = forms.DateField(label=_("Closes on"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["taxonomy"].label_from_instance = lambda taxonomy: str(taxonomy.year)


class SurveyAnswerForm(NamedNumberErrorsMixin, forms.Form):
    revenue = forms.IntegerField(
        label=_("Revenue (KRW million)"), required=False, min_value=0, max_value=REVENUE_MILLION_MAX
    )
    employees = forms.IntegerField(label=_("Employees"), required=False, min_value=0, max_value=EMPLOYEES_MAX)
    patents = forms.IntegerField(label=_("Registered patents"), required=False, min_value=0, max_value=COUNT_MAX)
    rd_staff_share = forms.FloatField(label=_("R&D staff share (%)"), required=False, min_value=0, max_value=100)
    certifications = forms.IntegerField(label=_("Certifications"), required=False, min_value=0, max_value=COUNT_MAX)
    awards = forms.IntegerField(label=_("Awards won"), required=False, min_value=0, max_value=COUNT_MAX)
    technologies = forms.MultipleChoiceField(
        label=_("Core technologies"), required=False, widget=forms.CheckboxSelectMultiple
    )
    fields = forms.MultipleChoiceField(
        label=_("Application fields"), required=False, widget=forms.CheckboxSelectMultiple
    )
    respondent_name = forms.CharField(label=_("Your name"), required=False, max_length=100)

    def __init__(self, *args, taxonomy: Taxonomy, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["technologies"].choices = [
            (name, name) for name in taxonomy.technologies.values_list("name", flat=True)
        ]
        self.fields["fields"].choices = [(name, name) for name in taxonomy.fields.values_list("name", flat=True)]

    def values(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if name != "respondent_name"}


class SurveyReviewForm(VersionedFormMixin, forms.Form):
    """Apply or reject an answer; it carries the version of the company's placement the page showed (and the
    values then on the map as extras), so applying over a placement changed since is refused first."""

    APPLY, REJECT = "apply", "reject"
    decision = forms.ChoiceField(choices=[(APPLY, _("Apply the changes")), (REJECT, _("Reject"))])
    note = forms.CharField(label=_("Note (for a rejection)"), required=False, max_length=300)
