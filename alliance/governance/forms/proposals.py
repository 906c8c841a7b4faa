"""Forms of the policy proposals: the draft, a move (with what the move needs), an agency's answer."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from alliance.agencies.models import Agency
from alliance.core.versions import VersionedFormMixin
from alliance.governance.models import AgencyAnswer, BodyKind, Decision, Meeting, ProposalState


class ProposalForm(VersionedFormMixin, forms.Form):
    """A draft's title and text; editing one, `version=` the proposal's (core.versions)."""

    title = forms.CharField(label=_("Title"), max_length=300)
    text = forms.CharField(label=_("Proposal text"), widget=forms.Textarea(attrs={"rows": 12}), max_length=50_000)


FIELDS_NEEDED_BY = {
    "meeting": {ProposalState.ADOPTED, ProposalState.SUBMITTED},
    "decision": {ProposalState.APPROVED, ProposalState.REVISION_REQUESTED, ProposalState.REJECTED},
    "agencies": {ProposalState.SHARED},
    "shared_on": {ProposalState.SHARED},
}


class MoveForm(forms.Form):
    """One form for every move; the service says which of the fields a move needs."""

    to = forms.ChoiceField(label=_("Next state"))
    meeting = forms.ModelChoiceField(label=_("Meeting"), queryset=Meeting.objects.none(), required=False)
    decision = forms.ModelChoiceField(label=_("Steering decision"), queryset=Decision.objects.none(), required=False)
    agencies = forms.ModelMultipleChoiceField(
        label=_("Partner agencies"),
        queryset=Agency.objects.filter(active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    shared_on = forms.DateField(label=_("Shared on"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(
        label=_("Remark on this step"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )

    def __init__(self, *args, proposal, moves: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [(state, ProposalState(state).label) for state in moves]
        # Only the fields one of the allowed moves needs (a shared proposal asks for no meeting).
        for name, needed_by in FIELDS_NEEDED_BY.items():
            if not set(moves) & needed_by:
                del self.fields[name]
        if "meeting" in self.fields:
            year = proposal.body.year
            own_or_steering = Q(body=proposal.body) | Q(body__kind=BodyKind.STEERING, body__year__in=(year, year + 1))
            meetings = Meeting.objects.filter(own_or_steering).select_related("body")
            self.fields["meeting"].queryset = meetings.order_by("body__year", "body__order", "number")
            self.fields["meeting"].label_from_instance = _meeting_label
        if "decision" in self.fields:
            self.fields["decision"].queryset = Decision.objects.filter(meeting_id=proposal.submitted_to_id)
            self.fields["decision"].label_from_instance = lambda decision: decision.motion[:80]


def _meeting_label(meeting) -> str:
    return _("%(year)s %(body)s, meeting %(number)s") % {
        "year": meeting.body.year,
        "body": meeting.body.name,
        "number": meeting.number,
    }


class AnswerForm(VersionedFormMixin, forms.Form):
    """An agency's answer; `version=` the share's (core.versions)."""

    answer = forms.ChoiceField(
        label=_("The agency's answer"),
        choices=[(c.value, c.label) for c in (AgencyAnswer.REVIEWING, AgencyAnswer.ADOPTED, AgencyAnswer.NOT_ADOPTED)],
        widget=forms.RadioSelect,
    )
    text = forms.CharField(label=_("Answer text"), widget=forms.Textarea(attrs={"rows": 5}), max_length=10_000)
