"""Logo upload and review forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.ecosystem.logo_sanitiser import LOGO_MAX_BYTES


class LogoUploadForm(forms.Form):
    file = forms.FileField(label=_("Logo (SVG or PNG, at most 1 MB)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > LOGO_MAX_BYTES:
            raise forms.ValidationError(_("The logo is larger than 1 MB."))
        return upload


class LogoReviewForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("Approve")), ("reject", _("Reject"))])
    note = forms.CharField(label=_("Note"), required=False, max_length=300)
