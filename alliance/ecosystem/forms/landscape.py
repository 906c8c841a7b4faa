"""The landscape.yml upload form: type and size checked here, content validated by services.landscape_yml."""

from pathlib import Path

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_BYTES = 5 * 1024 * 1024
EXTENSIONS = {".yml", ".yaml"}


class LandscapeUploadForm(forms.Form):
    NOT_UTF8 = _("The file is not UTF-8 text.")

    file = forms.FileField(label=_("landscape.yml file"))
    domain = forms.CharField(
        label=_("Domain name"), required=False, max_length=120, help_text=_("Empty: the file's name.")
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in EXTENSIONS:
            raise forms.ValidationError(_("Choose a .yml or .yaml file."), code="type")
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."), code="size")
        return upload

    def domain_name(self) -> str:
        return self.cleaned_data["domain"].strip() or Path(self.cleaned_data["file"].name).stem


class MatchDecisionForm(forms.Form):
    """Staff's decision on an alike pair the import's check listed (services/matches.py): its name key, its two
    URLs and the button pressed; `upload` brings the check page back."""

    SAME, DIFFERENT = "same", "different"

    name_key = forms.CharField(max_length=200)
    first = forms.CharField(max_length=300)
    second = forms.CharField(max_length=300)
    decision = forms.ChoiceField(choices=[(SAME, _("One company")), (DIFFERENT, _("Different companies"))])
    upload = forms.CharField(max_length=2000)

    @property
    def same(self) -> bool:
        return self.cleaned_data["decision"] == self.SAME
