"""Forms after an event: a press article."""

from django import forms
from django.utils.translation import gettext_lazy as _

DATE = forms.DateInput(attrs={"type": "date"})


class PressArticleForm(forms.Form):
    outlet = forms.CharField(label=_("Outlet"), max_length=100)
    published_on = forms.DateField(label=_("Published on"), widget=DATE)
    title = forms.CharField(label=_("Headline"), max_length=300)
    url = forms.URLField(label=_("Address"), max_length=500, required=False, assume_scheme="https")
