"""Forms of the agencies app."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.agencies.models import QUARTERS, Agency, PlanItem, ReportEntry
from alliance.agencies.uploads import ACCEPT_ATTRIBUTE
from alliance.core.bounds import id_field
from alliance.core.versions import VersionedFormMixin

MONTHS = [(month, _("%(month)s month") % {"month": month}) for month in range(1, 13)]


class PlanItemForm(VersionedFormMixin, forms.ModelForm):
    """A linkage-plan item; editing one, it carries the item's version (core.versions)."""

    start_month = forms.TypedChoiceField(label=_("From month"), choices=MONTHS, coerce=int)
    end_month = forms.TypedChoiceField(label=_("To month"), choices=MONTHS, coerce=int)
    link_url = forms.URLField(
        label=_("Linked page"),
        required=False,
        assume_scheme="https",
        help_text=_("Optional: a platform page this item links to (post-award benefits, a newsletter, a survey)."),
    )

    class Meta:
        model = PlanItem
        fields = ["heading", "text", "start_month", "end_month", "link_url", "link_label"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "link_url": _(
                "Optional: a platform page this item links to (post-award benefits, a newsletter, a survey)."
            ),
        }

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_month"), cleaned.get("end_month")
        if start and end and end < start:
            self.add_error("end_month", _("The last month comes before the first month."))
        if cleaned.get("link_label") and not cleaned.get("link_url"):
            self.add_error("link_url", _("Give the address of the linked page, or leave its label empty."))
        return cleaned


class ReportEntryForm(VersionedFormMixin, forms.ModelForm):
    """One plan item's part of the report (prefixed with the item's id on the page); it carries the entry's
    version (core.versions): an agency has several liaisons."""

    class Meta:
        model = ReportEntry
        fields = ["text", "started_on", "ended_on", "figures"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "started_on": forms.DateInput(attrs={"type": "date"}),
            "ended_on": forms.DateInput(attrs={"type": "date"}),
        }

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("started_on"), cleaned.get("ended_on")
        if start and end and end < start:
            self.add_error("ended_on", _("The end date comes before the start date."))
        return cleaned


class ReportFileForm(forms.Form):
    item = id_field()
    file = forms.FileField(
        label=_("Photo or file"), widget=forms.ClearableFileInput(attrs={"accept": ACCEPT_ATTRIBUTE})
    )


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", _("Accept the report")), ("return", _("Return with comments"))])
    note = forms.CharField(
        label=_("Comments to the agency"), max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class DeadlineForm(VersionedFormMixin, forms.Form):
    """The four quarters' deadlines of one year; it carries their version (queries.deadlines_version)."""

    def __init__(self, *args, initial_dates: dict[int, datetime.date], **kwargs):
        super().__init__(*args, **kwargs)
        for quarter in QUARTERS:
            self.fields[f"q{quarter}"] = forms.DateField(
                label=_("Q%(quarter)s deadline") % {"quarter": quarter},
                initial=initial_dates[quarter],
                widget=forms.DateInput(attrs={"type": "date"}),
            )


class AgencyForm(forms.ModelForm):
    homepage = forms.URLField(label=_("Homepage"), required=False, assume_scheme="https")

    class Meta:
        model = Agency
        fields = ["name", "short_name", "homepage"]


class LiaisonForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"))
    name = forms.CharField(label=_("Name"), max_length=100)
