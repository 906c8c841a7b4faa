"""The public map's search box and filters (GET, kept in the URL). Unknown values are ignored."""

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.core.bounds import ID_MAX
from alliance.ecosystem.landscape.grid import FILTER_NAMES


class LandscapeFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in FILTER_NAMES:
            self.fields[name] = forms.CharField(required=False, max_length=40)

    def values(self) -> dict[str, str]:
        """Every filter and the search text, '' when absent or too long."""
        self.is_valid()
        return {name: (self.cleaned_data.get(name) or "").strip() for name in ("q", *FILTER_NAMES)}


class ChartForm(forms.Form):
    category = forms.IntegerField(required=False, min_value=1, max_value=ID_MAX)
