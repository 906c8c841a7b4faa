"""Forms of the business-field vocabulary staff keep, and of their decision on a member's proposal."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.versions import VersionedFormMixin
from alliance.members.models import BusinessField


class TermNameForm(forms.Form):
    """A term's name or a spelling of it (add a term, rename a term, add a variant)."""

    name = forms.CharField(label=pgettext_lazy("business field", "Name"), max_length=60)


class TermRenameForm(VersionedFormMixin, TermNameForm):
    """A term's new name; it carries the term's version, so that a rename after another's is refused."""


class MergeForm(forms.Form):
    """Merge the term shown into another."""

    target = forms.ModelChoiceField(label=_("Merge into"), queryset=BusinessField.objects.none())

    def __init__(self, *args, source: BusinessField, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = BusinessField.objects.exclude(pk=source.pk).order_by("name")


class ProposalReviewForm(forms.Form):
    """Accept as a new term, map to a listed term, or reject with a note."""

    ACTIONS = [("accept", _("Add to the list")), ("map", _("Map to a listed field")), ("reject", _("Reject"))]
    action = forms.ChoiceField(choices=ACTIONS)
    term = forms.ModelChoiceField(
        label=_("Listed field"), queryset=BusinessField.objects.order_by("name"), required=False
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == "map" and not cleaned.get("term"):
            self.add_error("term", _("Choose the listed field to map the proposal to."))
        if cleaned.get("action") == "reject" and not (cleaned.get("note") or "").strip():
            self.add_error("note", _("Write why the proposal is rejected."))
        return cleaned
