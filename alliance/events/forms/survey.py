"""The satisfaction survey's answer form (by personal link)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.events.models.survey import RATING_MAX, RATING_MIN

SCORES = [(score, str(score)) for score in range(RATING_MAX, RATING_MIN - 1, -1)]


def _rating(label) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(label=label, choices=SCORES, coerce=int, widget=forms.RadioSelect)


class EventSurveyForm(forms.Form):
    overall = _rating(_("Overall, how satisfied were you with the event? (5: very satisfied, 1: not at all)"))
    content = _rating(_("How useful were the programme and the speakers?"))
    operation = _rating(_("How well were the venue and the running of the event?"))
    comment = forms.CharField(
        label=_("Anything to tell us? (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
