"""Forms at the door: the guest list search and a walk-in's registration."""

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.events.models import OrganisationType


class GuestSearchForm(forms.Form):
    q = forms.CharField(label=_("Name or organisation"), max_length=100, required=False)


class WalkInForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    organisation_name = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    organisation_type = forms.ChoiceField(
        label=_("Kind of organisation"), choices=OrganisationType.choices, initial=OrganisationType.COMPANY
    )
    job_title = forms.CharField(label=_("Job title"), max_length=100, required=False)
    email = forms.EmailField(label=_("E-mail (optional)"), required=False)
