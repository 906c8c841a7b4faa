"""The subscription forms: the public's (double opt-in), a member's own, staff's import."""

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.info.consent_wording import CURRENT_ADVERTISING, CURRENT_NEWSLETTER, WORDINGS


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    newsletter = forms.BooleanField(label=WORDINGS[CURRENT_NEWSLETTER], required=True)
    advertising = forms.BooleanField(label=WORDINGS[CURRENT_ADVERTISING], required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["newsletter"].error_messages["required"] = _("Tick the consent to receive the newsletter.")
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "inputmode": "email"})


class OwnSubscriptionForm(forms.Form):
    newsletter = forms.BooleanField(label=WORDINGS[CURRENT_NEWSLETTER], required=False)
    advertising = forms.BooleanField(
        label=WORDINGS[CURRENT_ADVERTISING],
        required=False,
        help_text=_("Only with the newsletter: advertising comes in the newsletter."),
    )


class SubscriberImportForm(forms.Form):
    file = forms.FileField(
        label=_("Excel file (.xlsx)"),
        help_text=_("Columns: 이메일, 동의일, 동의방법, 동의문구 (required), 이름, 광고수신동의 (Y/N)."),
    )
