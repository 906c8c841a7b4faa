"""Forms of the member registry: directory and registry filters, the organisation profile and its contacts.

Forms parse and validate; they never save. Views hand `cleaned_data` to `services.registry`.
"""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.bounds import EMPLOYEES_MAX, NamedNumberErrorsMixin
from alliance.core.forms import SIGUNGU_HELP_TEXT, SigunguFormMixin
from alliance.core.korean import business_number_digits, company_name_key, is_valid_business_number
from alliance.core.regions import SIDO
from alliance.core.versions import VersionedFormMixin
from alliance.members.logos import LOGO_MAX_BYTES, LogoError, logo_extension
from alliance.members.models import Contact, MemberCategory, Organisation
from alliance.members.queries import business_field_names, business_field_terms
from alliance.members.services.registry import CONTACT_FIELDS

SIDO_OPTIONS = [(sido.short, sido.official) for sido in SIDO]
ANY = [("", pgettext_lazy("filter", "All"))]


class DirectoryFilterForm(forms.Form):
    """The public directory's search box and filters. Invalid values are ignored, not reported."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    category = forms.ChoiceField(label=_("Member category"), required=False, choices=ANY + MemberCategory.choices)
    sido = forms.ChoiceField(label=_("Region"), required=False, choices=ANY + SIDO_OPTIONS)
    field = forms.ChoiceField(label=_("Business field"), required=False)

    def __init__(self, *args, field_names=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field"].choices = ANY + [(name, name) for name in field_names]

    def values(self) -> dict:
        """The valid filters, each '' when absent or invalid."""
        self.is_valid()
        return {name: self.cleaned_data.get(name) or "" for name in self.fields}


class RegistryFilterForm(DirectoryFilterForm):
    """The staff registry's filters: the directory's plus membership status."""

    STATUS_CHOICES = [
        ("", pgettext_lazy("filter", "All")),
        ("current", _("Current members")),
        ("withdrawn", _("Withdrawn")),
    ]
    status = forms.ChoiceField(label=_("Status"), required=False, choices=STATUS_CHOICES)
    field_order = ["q", "category", "sido", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["field"]


class LogoInput(forms.ClearableFileInput):
    """The current logo shown as the image itself (its stored name is a 64-character hash), then the file input."""

    template_name = "members/widgets/logo_input.html"


class OrganisationProfileForm(NamedNumberErrorsMixin, VersionedFormMixin, SigunguFormMixin, forms.ModelForm):
    """What a member representative edits of its own organisation."""

    # Chosen from the vocabulary staff keep (members/services/vocabulary.py); a missing one is proposed.
    field_names = forms.MultipleChoiceField(
        label=_("Business fields"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "field-choices"}),
        help_text=_("Choose every field your organisation works in."),
    )
    proposed_field = forms.CharField(
        label=_("Propose a new business field"),
        required=False,
        max_length=60,
        help_text=_(
            "Only when your field is not in the list: the secretariat adds it to the list (or maps it to a field"
            " already there) and then adds it to your profile."
        ),
    )
    homepage = forms.URLField(label=_("Homepage"), required=False, max_length=200, assume_scheme="https")
    founded_year = forms.IntegerField(label=_("Year founded"), required=False, min_value=1800, max_value=2100)
    employees = forms.IntegerField(
        label=_("Employees"),
        required=False,
        min_value=0,
        max_value=EMPLOYEES_MAX,
        # the wording of the model's validators (core/bounds.py), not Django's
        error_messages={"min_value": _("Enter 0 or more."), "max_value": _("Enter at most %(limit_value)s.")},
    )

    class Meta:
        model = Organisation
        fields = [
            "name_en",
            "sido",
            "sigungu",
            "founded_year",
            "employees",
            "revenue_million",
            "homepage",
            "description",
            "logo",
        ]
        widgets = {
            "logo": LogoInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
            "description": forms.Textarea(attrs={"rows": 6}),
        }
        error_messages = {
            "logo": {"invalid_image": _("The logo is not an image. Upload a PNG, JPEG or WebP file.")},
        }
        help_texts = {"sigungu": SIGUNGU_HELP_TEXT}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field_names"].choices = [(name, name) for name in business_field_names()]
        if self.instance.pk and "field_names" not in self.initial:
            self.initial["field_names"] = [field.name for field in self.instance.fields.all()]
        self.fields["sido"].choices = [("", "---------"), *SIDO_OPTIONS]

    def clean_proposed_field(self) -> str:
        return " ".join((self.cleaned_data.get("proposed_field") or "").split())

    def clean(self):
        """A proposed name that already means a term (its spelling, or a variant) is that term, chosen."""
        cleaned = super().clean()
        proposed = cleaned.get("proposed_field")
        if proposed and "field_names" in cleaned:
            term = business_field_terms([proposed]).get(proposed)
            if term in dict(self.fields["field_names"].choices):
                cleaned["field_names"] = sorted(set(cleaned["field_names"]) | {term})
                cleaned["proposed_field"] = ""
        return cleaned

    def clean_logo(self):
        """A new logo passes `members.logos` (PNG, JPEG or WebP; at most 2 MB and 4096 pixels a side)."""
        logo = self.cleaned_data.get("logo")
        if isinstance(logo, UploadedFile):
            if logo.size > LOGO_MAX_BYTES:
                raise forms.ValidationError(_("The logo may be at most 2 MB; this file is larger."))
            logo.seek(0)
            try:
                logo_extension(logo.read())
            except LogoError as error:
                raise forms.ValidationError(error.message) from None
            logo.seek(0)
        return logo

    def validate_unique(self):
        # Duplicates are checked field by field with messages naming the existing organisation.
        return

    def profile_data(self) -> dict:
        """Cleaned values for `services.registry` (the model fields, without business fields)."""
        return {name: self.cleaned_data[name] for name in self._meta.fields if name in self.cleaned_data}


class StaffOrganisationForm(OrganisationProfileForm):
    """The secretariat edits everything, including name, registration number and membership dates."""

    business_number = forms.CharField(
        label=_("Business registration number"),
        required=False,
        max_length=14,
        help_text=_("10 digits, with or without hyphens (123-45-67890)."),
    )

    class Meta(OrganisationProfileForm.Meta):
        fields = [
            "name",
            "business_number",
            "category",
            "joined_on",
            "withdrawn_on",
            "withdrawal_reason",
            *OrganisationProfileForm.Meta.fields,
        ]
        widgets = {
            **OrganisationProfileForm.Meta.widgets,
            "joined_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "withdrawn_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Staff add terms on the vocabulary page; proposals are the members' way in.
        del self.fields["proposed_field"]

    def _others(self):
        return Organisation.objects.exclude(pk=self.instance.pk) if self.instance.pk else Organisation.objects.all()

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        existing = self._others().filter(name_key=company_name_key(name)).first()
        if existing is not None:
            raise forms.ValidationError(
                _("%(name)s is already registered as %(existing)s (the same name in another form)."),
                params={"name": name, "existing": existing.name},
            )
        return name

    def clean_business_number(self) -> str:
        digits = business_number_digits(self.cleaned_data.get("business_number") or "")
        if not digits:
            return ""
        if not is_valid_business_number(digits):
            raise forms.ValidationError(
                _("The business registration number must be 10 digits with a valid check digit (e.g. 123-45-67890).")
            )
        existing = self._others().filter(business_number=digits).first()
        if existing is not None:
            raise forms.ValidationError(
                _("This business registration number is already registered to %(existing)s."),
                params={"existing": existing.name},
            )
        return digits

    def clean(self):
        cleaned = super().clean()
        joined, withdrawn = cleaned.get("joined_on"), cleaned.get("withdrawn_on")
        if joined and withdrawn and withdrawn < joined:
            self.add_error("withdrawn_on", _("The withdrawal date cannot be before the joining date."))
        return cleaned


ContactFormSet = inlineformset_factory(
    Organisation,
    Contact,
    fields=CONTACT_FIELDS,
    extra=1,
    max_num=10,
    can_delete=True,
)


def contact_rows(formset) -> list[dict]:
    """The complete new list of contacts from a valid formset, for `services.registry.update_contacts`."""
    rows = []
    for form in formset.forms:
        data = form.cleaned_data
        if not data or data.get("DELETE") or (not form.instance.pk and not form.has_changed()):
            continue
        rows.append({"id": form.instance.pk, **{name: data.get(name) for name in CONTACT_FIELDS}})
    return rows
