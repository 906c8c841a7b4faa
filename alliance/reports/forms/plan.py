"""The yearly plan's forms: a staff item added, and an item changed (versioned: two staff may open it)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.core.versions import VersionedFormMixin
from alliance.reports.models import PlanItem

FIELDS = ["area", "title", "first_month", "last_month", "done_on", "note"]
MONTH_CHOICES = [(month, f"{month}월") for month in range(1, 13)]


class PlanItemFields(forms.ModelForm):
    first_month = forms.TypedChoiceField(label=_("Planned from (month)"), choices=MONTH_CHOICES, coerce=int)
    last_month = forms.TypedChoiceField(label=_("Planned to (month)"), choices=MONTH_CHOICES, coerce=int)

    class Meta:
        model = PlanItem
        fields = FIELDS
        widgets = {"done_on": forms.DateInput(attrs={"type": "date"})}

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("first_month"), cleaned.get("last_month")
        if first and last and first > last:
            self.add_error("last_month", _("The last month cannot come before the first."))
        return cleaned


class PlanItemAddForm(PlanItemFields):
    """A new item of the year's plan."""


class PlanItemEditForm(VersionedFormMixin, PlanItemFields):
    """An item of the plan changed, or the day it was done recorded."""
