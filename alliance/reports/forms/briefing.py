"""The quarterly briefing's forms: which quarter and meeting to generate, a section's text, the freeze button
(the last two carry the briefing's version: two staff may have it open)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.core.dates import quarter_bounds
from alliance.core.versions import VersionedFormMixin
from alliance.governance.models import BodyKind, Meeting

FIRST_YEAR = 2020  # the alliance's platform holds data from its first years on
QUARTERS = [(n, _("Q%(quarter)s") % {"quarter": n}) for n in range(1, 5)]


class MeetingChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.body.year} {obj.body.name} {obj.number}"


class BriefingGenerateForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)
    quarter = forms.TypedChoiceField(label=_("Quarter"), choices=QUARTERS, coerce=int)
    meeting = MeetingChoice(
        label=_("Steering committee meeting"),
        queryset=Meeting.objects.none(),
        required=False,
        help_text=_("Leave empty for the quarter's report without a meeting."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        self.fields["year"].choices = [(year, str(year)) for year in range(this_year + 1, FIRST_YEAR - 1, -1)]
        self.fields["meeting"].queryset = (
            Meeting.objects.filter(body__kind=BodyKind.STEERING, date__isnull=False)
            .select_related("body")
            .order_by("-date")
        )

    def clean(self):
        data = super().clean()
        meeting, year, quarter = data.get("meeting"), data.get("year"), data.get("quarter")
        if meeting and year and quarter:
            first, last = quarter_bounds(year, quarter)
            if not first <= meeting.date <= last:
                self.add_error("meeting", _("The meeting is not in this quarter."))
        return data


class BriefingSectionForm(VersionedFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 16}),
        max_length=20000,
        required=False,
        help_text=_("One paragraph a line; “- ” starts a bullet. Keep the [표 N] lines where the tables go."),
    )


class BriefingFreezeForm(VersionedFormMixin, forms.Form):
    """The freeze button: what is frozen is the version staff looked at."""
