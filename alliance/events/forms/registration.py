"""Registration forms: one field per question of the event; a member's is prefilled from their account, the
public's asks for consent to the privacy notice, staff invite a guest by name and e-mail."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.events.models import OrganisationType, Question

YES_NO = (("", "—"), ("예", pgettext_lazy("answer", "Yes")), ("아니오", pgettext_lazy("answer", "No")))
CONSENT_TEXT = _(
    "The secretariat of the Metaverse Alliance collects your name, e-mail, organisation and job title to run "
    "this event (registration, entry, notices about the event) and deletes them one year after the event. "
    "You may refuse, but then you cannot register."
)


def question_field(question: Question) -> forms.Field:
    if question.kind == Question.Kind.CHOICE:
        choices = [("", "—"), *((choice, choice) for choice in question.choice_list)]
        return forms.ChoiceField(label=question.text, choices=choices, required=question.required)
    if question.kind == Question.Kind.YES_NO:
        return forms.ChoiceField(label=question.text, choices=YES_NO, required=question.required)
    return forms.CharField(label=question.text, max_length=500, required=question.required)


class RegistrationForm(forms.Form):
    """Name, e-mail, organisation and job title, then the event's questions (`q<id>` fields)."""

    name = forms.CharField(label=pgettext_lazy("person", "Name"), max_length=100)
    email = forms.EmailField(label=_("E-mail"))
    organisation_name = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    organisation_type = forms.ChoiceField(label=_("Kind of organisation"), choices=OrganisationType.choices)
    job_title = forms.CharField(label=_("Job title"), max_length=100, required=False)

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[f"q{question.pk}"] = question_field(question)

    def answers(self) -> dict[int, str]:
        return {question.pk: self.cleaned_data.get(f"q{question.pk}", "") for question in self.questions}


class MemberRegistrationForm(RegistrationForm):
    """A member's representative or contact: the organisation is their account's; the e-mail may differ (a
    colleague registering)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["organisation_name"]
        del self.fields["organisation_type"]


class PublicRegistrationForm(RegistrationForm):
    consent = forms.BooleanField(label=_("I agree to the collection and use of my personal information above."))


class GuestInviteForm(forms.Form):
    name = forms.CharField(label=pgettext_lazy("person", "Name"), max_length=100)
    email = forms.EmailField(label=_("E-mail"))
    organisation_name = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    job_title = forms.CharField(label=_("Job title"), max_length=100, required=False)
