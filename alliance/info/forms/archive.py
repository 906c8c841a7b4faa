"""Forms of the report archive: the public list's filters, the staff's report, file and publisher forms.

Forms parse and validate; they never save. Views hand `cleaned_data` to `services.archive*`.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.versions import VersionedFormMixin
from alliance.ecosystem.models import ApplicationField, Technology
from alliance.info.extraction.formats import ACCEPT_ATTRIBUTE
from alliance.info.models import Publisher, Report
from alliance.info.queries.archive import ArchiveFilters, filter_choices

ANY = [("", pgettext_lazy("filter", "All"))]


class ArchiveFilterForm(forms.Form):
    """The public list's filters (publisher, year, tag). Invalid values are ignored, not reported. The search
    box's `q` is not one of them: the search reads it (alliance/info/views/archive.py)."""

    publisher = forms.TypedChoiceField(label=_("Publisher"), required=False, coerce=int, empty_value=None)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    tag = forms.ChoiceField(label=_("Tag"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        publishers, years, tags = filter_choices()
        self.fields["publisher"].choices = ANY + publishers
        self.fields["year"].choices = ANY + [(year, str(year)) for year in years]
        self.fields["tag"].choices = ANY + [(name, name) for name in tags]

    def filters(self) -> ArchiveFilters:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return ArchiveFilters(
            publisher=data.get("publisher") or None, year=data.get("year") or None, tag=data.get("tag") or ""
        )


class ArchiveFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern): cleaned as a list, each file checked."""

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)] if data else []


class ReportForm(VersionedFormMixin, forms.ModelForm):
    """A report's record; on creation also its first files. Editing one, it carries the report's version
    (core.versions): any staff member."""

    technologies = forms.ModelMultipleChoiceField(
        label=_("Core technologies"),
        required=False,
        queryset=Technology.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    application_fields = forms.ModelMultipleChoiceField(
        label=_("Application fields"),
        required=False,
        queryset=ApplicationField.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    source_url = forms.URLField(label=_("source link"), required=False, max_length=500, assume_scheme="https")

    class Meta:
        model = Report
        fields = ["posted_on", "publisher", "title", "summary", "source_url", "technologies", "application_fields"]
        widgets = {
            "posted_on": forms.DateInput(attrs={"type": "date"}),
            "summary": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, taxonomy=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["publisher"].queryset = Publisher.objects.order_by("name")
        if taxonomy is not None:
            self.fields["technologies"].queryset = Technology.objects.filter(taxonomy=taxonomy)
            self.fields["application_fields"].queryset = ApplicationField.objects.filter(taxonomy=taxonomy)
        else:
            del self.fields["technologies"], self.fields["application_fields"]


class ReportFilesForm(forms.Form):
    """One or more files to attach (PDF, HWP, HWPX, DOCX, PPTX); checked by content in the service."""

    files = MultipleFileField(
        label=_("Files"),
        required=False,
        widget=ArchiveFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
        help_text=_("PDF, HWP, HWPX, DOCX or PPTX; several may be chosen."),
    )


class ReplaceFileForm(forms.Form):
    file = forms.FileField(label=_("New version"), widget=forms.FileInput(attrs={"accept": ACCEPT_ATTRIBUTE}))


class PublisherFields(forms.Form):
    """A publisher's name and further spellings (NewPublisherForm adds one, PublisherForm renames one)."""

    name = forms.CharField(label=_("Name"), max_length=100)
    variants = forms.CharField(
        label=_("Other spellings"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One a line: the full name of an acronym, the English name of a Korean one, an old name."),
    )

    def variant_list(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data.get("variants", "").splitlines() if line.strip()]


class NewPublisherForm(PublisherFields):
    pass


class PublisherForm(VersionedFormMixin, PublisherFields):
    """A publisher's new name and further spellings; it carries the publisher's version (core.versions)."""


class SpellingForm(forms.Form):
    name = forms.CharField(label=_("Spelling"), max_length=100)
