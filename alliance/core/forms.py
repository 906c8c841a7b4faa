from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.regions import RegionError, clean_sigungu
from alliance.core.roles import Role
from alliance.core.versions import VersionedFormMixin


class EmailLoginForm(AuthenticationForm):
    username = forms.EmailField(label=_("E-mail"), widget=forms.EmailInput(attrs={"autofocus": True}))

    error_messages = {
        "invalid_login": _("The e-mail or password is not correct."),
        "inactive": _("This account is inactive."),
    }

    def clean_username(self):
        return self.cleaned_data["username"].lower()


SIGUNGU_HELP_TEXT = _("In Seoul, one of its 25 districts, e.g. 강남구.")


class SigunguFormMixin:
    """For forms with `sido` and `sigungu` fields: the 시·군·구 is checked against the 시·도 by the importer's
    rule (`regions.clean_sigungu`: in Seoul one of the 25 districts), with the reason on the `sigungu` field.
    Forms show SIGUNGU_HELP_TEXT beside the field."""

    def clean(self):
        cleaned = super().clean()
        if "sigungu" in cleaned:
            try:
                cleaned["sigungu"] = clean_sigungu(cleaned["sigungu"], cleaned.get("sido") or "")
            except RegionError as error:
                self.add_error("sigungu", error.message)
        return cleaned


class PasswordResetRequestForm(forms.Form):
    """The e-mail address to send a reset link to (whether it has an account is never said)."""

    email = forms.EmailField(
        label=_("E-mail"), max_length=254, widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})
    )


class PrivacyPolicyForm(forms.Form):
    body = forms.CharField(
        label=_("Text of the privacy policy"),
        widget=forms.Textarea(attrs={"rows": 24}),
        max_length=50_000,
        help_text=_("Plain text; a blank line starts a new paragraph."),
    )
    effective_on = forms.DateField(
        label=_("Effective date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The new version replaces the current one on this date; earlier versions stay readable."),
    )


class AuditFilterForm(forms.Form):
    """The audit log's filters: what changed (a record's name), who, which action (by its Korean name), when."""

    record = forms.CharField(label=_("Record (organisation, group…)"), required=False, max_length=100)
    person = forms.CharField(label=_("By"), required=False, max_length=100)
    action = forms.ChoiceField(label=_("Action"), required=False)
    since = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, actions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("Every action")), *actions]

    def values(self) -> dict:
        """The valid filters (an invalid one, such as a mistyped date, is left out and shown with its error)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class AccountFilterForm(forms.Form):
    """The account list's filters: a name, e-mail or organisation, and one role."""

    query = forms.CharField(label=_("Name, e-mail or organisation"), required=False, max_length=100)
    role = forms.ChoiceField(label=pgettext_lazy("account filter", "Role"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [("", _("Every role")), *Role.choices]

    def values(self) -> dict:
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class AccountRolesForm(VersionedFormMixin, forms.Form):
    """The whole set of roles one account holds (none is allowed); `version=` the account's `roles_version`."""

    roles = forms.MultipleChoiceField(
        label=_("Roles"),
        required=False,
        choices=Role.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("A person may hold several roles: they may do what any of them allows."),
    )
