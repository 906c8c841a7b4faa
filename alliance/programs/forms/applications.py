"""Applicants' forms (a group, a partner, the proposal, a file) and staff's deadline extension."""

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.core.versions import VersionedFormMixin
from alliance.programs.default_rubric import MENTORING_FIELDS
from alliance.programs.forms.programme import DATETIME_WIDGET
from alliance.programs.models import Proposal, Track
from alliance.programs.uploads import ACCEPT_ATTRIBUTE


class GroupForm(forms.Form):
    name = forms.CharField(label=_("Group name"), max_length=200)
    track = forms.ModelChoiceField(label=_("Track"), queryset=Track.objects.none(), empty_label=None)
    mentoring_field = forms.ChoiceField(
        label=_("Mentoring field"), choices=[("", "—")] + [(name, name) for name in MENTORING_FIELDS], required=False
    )
    partners = forms.CharField(
        label=_("Partner companies"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("One member company a line, as registered (주식회사 and (주) may be left out)."),
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["track"].queryset = programme.tracks.all()

    def partner_names(self) -> list[str]:
        return self.cleaned_data["partners"].splitlines()


class PartnerForm(forms.Form):
    company_name = forms.CharField(label=_("Member company"), max_length=200)


class ProposalForm(VersionedFormMixin, forms.ModelForm):
    """The proposal draft; `version=` the proposal's (core.versions): several representatives may write it."""

    class Meta:
        model = Proposal
        fields = ("title", "summary", "product", "market", "business_model", "team")
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in fields if name != "title"}


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("File"), widget=forms.ClearableFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}))


class ExtensionForm(forms.Form):
    until = forms.DateTimeField(label=_("Extended until (Korean time)"), widget=DATETIME_WIDGET)
    reason = forms.CharField(label=_("Reason"), max_length=300)
