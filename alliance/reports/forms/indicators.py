"""The indicators' forms: a year's target, and a value entered with its evidence (each a new row: nothing loaded
can be lost)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.bounds import NamedNumberErrorsMixin
from alliance.programs.uploads import ACCEPT_ATTRIBUTE

# Ten to the twelfth: far above any count or percentage an indicator reaches (the columns hold 14 digits).
VALUE_MAX = 10**12


class TargetForm(NamedNumberErrorsMixin, forms.Form):
    """The target of one indicator for the page's year; empty removes it."""

    target = forms.DecimalField(
        label=pgettext_lazy("indicator", "Target"), required=False, min_value=0, max_value=VALUE_MAX, decimal_places=2
    )


class ValueForm(NamedNumberErrorsMixin, forms.Form):
    """A value of an entered indicator as of a day, with a note and the evidence file."""

    on = forms.DateField(label=_("As of"), widget=forms.DateInput(attrs={"type": "date"}))
    value = forms.DecimalField(label=_("Value"), min_value=0, max_value=VALUE_MAX, decimal_places=2)
    note = forms.CharField(label=pgettext_lazy("indicator", "Note"), max_length=300, required=False)
    evidence = forms.FileField(
        label=_("Evidence"), required=False, widget=forms.ClearableFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
        help_text=_("PDF, HWP, HWPX, PPTX or DOCX."),
    )  # fmt: skip
