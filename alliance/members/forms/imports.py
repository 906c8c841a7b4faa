"""The staff page's upload form for a registry import. It checks the upload, not the rows (the task does).
Every upload is a check first; its page offers to import the checked file (with a confirmation)."""

from pathlib import Path

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from alliance.members.services.importing_read import too_large_message

ALLOWED_SUFFIXES = (".xlsx", ".xls", ".csv")


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (XLSX, XLS or CSV)"),
        help_text=_(
            "Header row: 회사명, 사업자등록번호, 회원구분, 가입일, ... Required: 회사명, 회원구분, 가입일. "
            "A title above it and a 연번 column are fine."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.xls,.csv"}),
    )
    skip_invalid = forms.BooleanField(
        label=_("Import the valid rows and report the invalid ones"),
        required=False,
        help_text=_("Without this, one invalid row stops the whole import."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in ALLOWED_SUFFIXES:
            raise forms.ValidationError(
                _("'%(name)s' is not an XLSX, XLS or CSV file. Save the list from Excel as .xlsx or .csv."),
                params={"name": upload.name},
            )
        if upload.size == 0:
            raise forms.ValidationError(_("The file is empty."))
        if upload.size > settings.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(too_large_message())
        return upload
