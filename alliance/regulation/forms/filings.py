"""The filing form (a company), the agency's review and the list's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.core.bounds import NamedNumberErrorsMixin
from alliance.core.versions import VersionedFormMixin
from alliance.regulation.models import Filing, FilingKind, FilingState, PlatformType
from alliance.regulation.models.filing import REVENUE_WON_MAX

YEAR_MIN, YEAR_MAX = 2024, 2100  # 제9조 applies from August 2024


class FilingForm(VersionedFormMixin, NamedNumberErrorsMixin, forms.ModelForm):
    """A filing draft; editing one, it carries the filing's version (core.versions)."""

    changes_filing = forms.ModelChoiceField(
        label=_("Filing it changes"), queryset=Filing.objects.none(), required=False
    )
    revenue_won = forms.IntegerField(
        label=_("Previous-year revenue (KRW)"), min_value=0, max_value=REVENUE_WON_MAX,
        help_text=_("Operators with revenue of 100 million won or more must file."),
    )  # fmt: skip
    revenue_year = forms.IntegerField(label=_("Revenue year"), min_value=YEAR_MIN, max_value=YEAR_MAX)
    evidence_file = forms.FileField(
        label=_("Revenue evidence (PDF, HWP, HWPX, DOCX, PPTX)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.hwp,.hwpx,.docx,.pptx"}),
    )

    class Meta:
        model = Filing
        fields = [
            "kind", "changes_filing", "platform_name", "address", "description", "platform_type",
            "revenue_year", "revenue_won", "contact_name", "contact_email", "contact_phone",
        ]  # fmt: skip
        widgets = {
            "kind": forms.RadioSelect,
            "platform_type": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 4}),
            "contact_phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def __init__(self, *args, changeable=None, **kwargs):
        super().__init__(*args, **kwargs)
        if changeable is not None:
            self.fields["changes_filing"].queryset = changeable
        self.fields["changes_filing"].label_from_instance = lambda filing: (
            f"{filing.receipt_number} {filing.platform_name}"
        )
        self.fields["kind"].choices = FilingKind.choices
        self.fields["platform_type"].choices = PlatformType.choices

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") in (FilingKind.CHANGE, FilingKind.CANCEL) and not cleaned.get("changes_filing"):
            self.add_error("changes_filing", _("Choose the received filing this change or cancellation refers to."))
        return cleaned


class FilingReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("receive", _("Receive the filing")), ("return", _("Return with comments"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Comments to the company"), max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class FilingFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Filing type"), choices=[("", _("All")), *FilingKind.choices], required=False)
    platform_type = forms.ChoiceField(
        label=_("Platform type"), choices=[("", _("All")), *PlatformType.choices], required=False
    )
    state = forms.ChoiceField(label=_("Status"), choices=[("", _("All")), *FilingState.choices], required=False)
    year = forms.TypedChoiceField(label=_("Year"), choices=[], coerce=int, required=False, empty_value=None)

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All"))] + [(year, str(year)) for year in years]
