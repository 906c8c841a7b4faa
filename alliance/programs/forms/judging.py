"""Forms of judging: the evaluator's declaration and pledge, scores, and the secretariat's panel forms."""

from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

from alliance.core.bounds import POINTS_MAX, NamedNumberErrorsMixin, id_field, parse_id
from alliance.core.models import User
from alliance.core.roles import Role
from alliance.core.versions import VersionedFormMixin
from alliance.members.models import Organisation
from alliance.programs.models import Absence, Panel, ProjectGroup


class PledgeForm(forms.Form):
    """Ties to participating companies (none is a valid answer), then the pledge signed with one's name."""

    ties = forms.ModelMultipleChoiceField(
        label=_("Companies I have a tie to (employment, shares, advice, family, recent joint work)"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    note = forms.CharField(label=_("Nature of the ties"), max_length=200, required=False)
    agree = forms.BooleanField(
        label=_(
            "I will keep everything I read and hear in this evaluation confidential, evaluate impartially, and "
            "declare any tie that arises later."
        )
    )
    signed_name = forms.CharField(label=_("Your name, as a signature"), max_length=100)

    def __init__(self, *args, companies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ties"].queryset = companies


class ScoreForm(NamedNumberErrorsMixin, forms.Form):
    points = forms.DecimalField(label=_("Points"), min_value=0, max_value=POINTS_MAX, max_digits=6, decimal_places=2)
    comment = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args, criterion, closed: bool = False, **kwargs):
        super().__init__(*args, prefix=f"c{criterion.pk}", **kwargs)
        self.criterion = criterion
        self.closed = closed
        self.fields["points"].validators.append(MaxValueValidator(criterion.max_points))
        self.fields["points"].widget.attrs.update(
            {"min": 0, "max": criterion.max_points, "step": "any", "inputmode": "decimal", "class": "score-input"}
        )
        # A closed panel's scores are final: the inputs are shown as they are, not as something to type into.
        for field in self.fields.values():
            field.disabled = closed


class EvaluatorForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Evaluator"), queryset=User.objects.none())
    screens = forms.BooleanField(label=_("Document screening"), required=False, initial=True)
    judges_final = forms.BooleanField(label=_("Final panel judge"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = User.objects.with_role(Role.EVALUATOR).filter(is_active=True).order_by("name")


class OpenPanelForm(NamedNumberErrorsMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Stage"), choices=Panel.Kind.choices)
    evaluators_per_group = forms.IntegerField(
        label=_("Evaluators per group"),
        min_value=1,
        max_value=15,
        required=False,
        help_text=_("Leave empty for 3 in the screening and the programme's number of judges in the final."),
    )


class AssignForm(forms.Form):
    evaluator = forms.ModelChoiceField(label=_("Evaluator"), queryset=User.objects.none())
    group = forms.ModelChoiceField(label=_("Project group"), queryset=ProjectGroup.objects.none())

    def __init__(self, *args, evaluators, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evaluator"].queryset = evaluators
        self.fields["group"].queryset = groups


class AbsenceForm(AssignForm):
    reason = forms.ChoiceField(label=_("Reason"), choices=Absence.Reason.choices)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class TieDecisionForm(forms.Form):
    track = id_field()
    order = forms.CharField(
        label=_("Order of the tied groups"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One group name per line, the group placed highest first."),
    )
    reason = forms.CharField(label=_("Reason for the decision"), widget=forms.Textarea(attrs={"rows": 2}))

    def clean_order(self):
        return [line.strip() for line in self.cleaned_data["order"].splitlines() if line.strip()]


class OverrideForm(forms.Form):
    """`groups`: (id, name) pairs, read once for the whole page rather than once per winner."""

    winner = id_field()
    group = forms.TypedChoiceField(label=_("Group placed instead"), coerce=int)
    reason = forms.CharField(label=_("Reason for the override"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].choices = groups


class ObjectionForm(forms.Form):
    text = forms.CharField(label=_("Grounds of the objection"), widget=forms.Textarea(attrs={"rows": 5}))


class AnswerForm(VersionedFormMixin, forms.Form):
    """Staff's answer to an objection; `version=` the objection's (core.versions)."""

    objection = id_field()
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 3}))


def posted_id(request, name: str) -> int | None:
    """An id posted in a form field, or None when it is missing, not a number or beyond any id (the lookup then
    404s)."""
    return parse_id(request.POST.get(name, ""))
