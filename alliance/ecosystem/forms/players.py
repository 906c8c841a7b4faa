"""Forms of the players list, a non-member player and a placement. Services validate the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.bounds import COUNT_MAX, EMPLOYEES_MAX, REVENUE_MILLION_MAX, NamedNumberErrorsMixin
from alliance.core.regions import SIDO
from alliance.core.versions import LOADED_FIELD, VersionedFormMixin
from alliance.ecosystem.models import ApplicationField, TaxonomyNode, Technology

SIDO_OPTIONS = [("", "-")] + [(sido.short, sido.official) for sido in SIDO]


class PlayerFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    member = forms.ChoiceField(
        label=pgettext_lazy("member or not", "Membership"),
        required=False,
        choices=[
            ("", pgettext_lazy("filter", "All")),
            ("member", _("Members")),
            ("non_member", _("Non-members")),
        ],
    )

    def values(self) -> dict:
        self.is_valid()
        return {name: (self.cleaned_data.get(name) or "").strip() for name in self.fields}


class PlayerForm(NamedNumberErrorsMixin, VersionedFormMixin, forms.Form):
    """A non-member's values (a member's registry values are not on this form)."""

    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    business_fields = forms.CharField(label=_("Business fields"), required=False, max_length=300)
    homepage = forms.URLField(label=_("Homepage"), required=False, max_length=300, assume_scheme="https")
    ksic_code = forms.RegexField(
        label=_("KSIC code"), required=False, regex=r"^\d{5}$", error_messages={"invalid": _("Five digits.")}
    )
    region = forms.ChoiceField(label=_("Province / metropolitan city"), required=False, choices=SIDO_OPTIONS)
    employees = forms.IntegerField(label=_("Employees"), required=False, min_value=0, max_value=EMPLOYEES_MAX)
    revenue = forms.IntegerField(
        label=_("Revenue (KRW million)"), required=False, min_value=0, max_value=REVENUE_MILLION_MAX
    )
    founded_year = forms.IntegerField(label=_("Year founded"), required=False, min_value=1900, max_value=2100)
    contact_email = forms.EmailField(
        label=_("Contact e-mail"),
        required=False,
        help_text=_("Where the map survey is sent. Seen by the secretariat only, never shown on the map."),
    )

    MEMBER_FIELDS = ("business_fields", "ksic_code")

    def __init__(self, *args, member: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if member:
            for name in list(self.fields):
                if name not in self.MEMBER_FIELDS and name != LOADED_FIELD:
                    del self.fields[name]


class PlacementForm(NamedNumberErrorsMixin, VersionedFormMixin, forms.Form):
    primary = forms.ModelChoiceField(
        label=pgettext_lazy("taxonomy level", "Category"), queryset=TaxonomyNode.objects.none()
    )
    secondary = forms.ModelMultipleChoiceField(
        label=_("Other categories"),
        queryset=TaxonomyNode.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    technologies = forms.ModelMultipleChoiceField(
        label=_("Core technologies"),
        queryset=Technology.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    application_fields = forms.ModelMultipleChoiceField(
        label=_("Application fields"),
        queryset=ApplicationField.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    revenue = forms.IntegerField(
        label=_("Revenue (KRW million)"), required=False, min_value=0, max_value=REVENUE_MILLION_MAX
    )
    employees = forms.IntegerField(label=_("Employees"), required=False, min_value=0, max_value=EMPLOYEES_MAX)
    patents = forms.IntegerField(label=_("Registered patents"), required=False, min_value=0, max_value=COUNT_MAX)
    rd_staff_share = forms.FloatField(label=_("R&D staff share (%)"), required=False, min_value=0, max_value=100)
    certifications = forms.IntegerField(label=_("Certifications"), required=False, min_value=0, max_value=COUNT_MAX)
    awards = forms.IntegerField(label=_("Awards won"), required=False, min_value=0, max_value=COUNT_MAX)

    FIGURES = ("revenue", "employees", "patents", "rd_staff_share", "certifications", "awards")

    def __init__(self, *args, taxonomy, node_labels: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(node_labels)
        nodes = TaxonomyNode.objects.filter(pk__in=labels)
        for name in ("primary", "secondary"):
            self.fields[name].queryset = nodes
            self.fields[name].label_from_instance = lambda node: labels[node.pk]
        self.fields["technologies"].queryset = Technology.objects.filter(taxonomy=taxonomy)
        self.fields["application_fields"].queryset = ApplicationField.objects.filter(taxonomy=taxonomy)

    def figures(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.FIGURES}
