"""Staff forms of the post-award support record: a benefit, granting benefits to every winner, a recorded use."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.core.bounds import POINTS_MAX, NamedNumberErrorsMixin
from alliance.core.versions import VersionedFormMixin
from alliance.programs.models import BenefitKind, SupportBenefit, SupportGrant

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class BenefitForm(NamedNumberErrorsMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=BenefitKind.choices)
    code = forms.CharField(
        label=_("Code"), max_length=12, help_text=_("Short, e.g. NIPA; it numbers the certificates (2026-NIPA-001).")
    )
    name = forms.CharField(label=_("Benefit"), max_length=200)
    granting_body = forms.CharField(label=_("Granting body"), max_length=100, required=False)
    applies_to = forms.CharField(
        label=_("Applies to"),
        max_length=300,
        required=False,
        help_text=_("For bonus points: the programme and the condition, e.g. applying as lead company."),
    )
    points = forms.DecimalField(
        label=_("Bonus points"), max_digits=4, decimal_places=1, required=False, min_value=0, max_value=POINTS_MAX
    )


class GrantForm(forms.Form):
    benefits = forms.ModelMultipleChoiceField(
        label=_("Benefits to grant to every winner"),
        queryset=SupportBenefit.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    issued_on = forms.DateField(label=_("Issued on"), widget=DATE_WIDGET)

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, initial={"issued_on": timezone.localdate()}, **kwargs)
        self.fields["benefits"].queryset = SupportBenefit.objects.filter(programme=programme).order_by("position")


class UseForm(VersionedFormMixin, forms.Form):
    """A grant's use (staff or the awardee's representative); `version=` the grant's (core.versions)."""

    use = forms.ChoiceField(label=_("Used?"), choices=SupportGrant.Use.choices)
    used_on = forms.DateField(label=_("Used on"), widget=DATE_WIDGET, required=False)
    used_for = forms.CharField(
        label=_("Where and for what (or why not)"),
        max_length=300,
        required=False,
        help_text=_("E.g. the government programme applied to as lead company, or the exhibition."),
    )
