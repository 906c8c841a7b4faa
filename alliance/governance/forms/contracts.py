"""Forms of the standard-contract revision and of the operating rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.core.versions import VersionedFormMixin
from alliance.governance.models import (
    BodyKind,
    ContractKind,
    Decision,
    DecisionEffect,
    DecisionOutcome,
    Disposition,
)


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind of document"), choices=ContractKind.choices)
    comments_close_on = forms.DateField(
        label=_("Comments close on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    text = forms.CharField(
        label=_("Text of the document"),
        help_text=_("Paste the whole text: each article starts a line with 제N조, for example “제1조(목적) …”."),
        widget=forms.Textarea(attrs={"rows": 14}),
        max_length=300_000,
    )


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class DispositionForm(forms.Form):
    disposition = forms.ChoiceField(
        label=_("Disposition"),
        choices=[(value, label) for value, label in Disposition.choices if value != Disposition.PENDING],
    )
    note = forms.CharField(
        label=_("Disposition note"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=5000
    )


class AmendmentForm(VersionedFormMixin, forms.Form):
    """A clause's amendment; it carries the clause's version (core.versions): the chair and staff both write it."""

    proposed_text = forms.CharField(
        label=_("Proposed text (개정안)"), required=False, widget=forms.Textarea(attrs={"rows": 4}), max_length=20_000
    )
    reason = forms.CharField(
        label=_("Reason (사유)"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=5000
    )

    @classmethod
    def for_clause(cls, clause, data=None) -> "AmendmentForm":
        initial = {"proposed_text": clause.proposed_text, "reason": clause.reason}
        return cls(data, initial=initial, version=clause.version, prefix=None)


class RulesForm(forms.Form):
    decision = forms.ModelChoiceField(
        label=_("Steering decision"),
        queryset=Decision.objects.filter(
            effect=DecisionEffect.AMEND_RULES,
            outcome=DecisionOutcome.ADOPTED,
            meeting__body__kind=BodyKind.STEERING,
        ).select_related("meeting__body"),
        required=False,
        help_text=_("The adopted steering decision that amended the rules (not needed for the first version)."),
    )
    effective_on = forms.DateField(label=_("In force from"), widget=forms.DateInput(attrs={"type": "date"}))
    summary = forms.CharField(label=_("What changed"), max_length=300, required=False)
    text = forms.CharField(label=_("Text of the rules"), widget=forms.Textarea(attrs={"rows": 16}), max_length=300_000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].label_from_instance = lambda decision: (
            f"{decision.meeting.body.year} {decision.meeting.body.name} {decision.meeting.number}회 · {decision.motion}"
        )
