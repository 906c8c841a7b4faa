"""The checklist's answer form (a company) and its edit form (staff and the ethics subcommittee)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.core.bounds import NamedNumberErrorsMixin
from alliance.core.versions import VersionedFormMixin
from alliance.regulation.scoring import SCALE, TOTAL

SCALE_LABELS = {
    1: _("1 · Not at all"),
    2: _("2 · Rarely"),
    3: _("3 · Partly"),
    4: _("4 · Mostly"),
    5: _("5 · Fully"),
}


class StartYearForm(NamedNumberErrorsMixin, forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2024, max_value=2100)


class SelfCheckForm(VersionedFormMixin, forms.Form):
    """One radio group per item (1–5; a draft may leave some empty), and the consent to share the result."""

    share_result = forms.BooleanField(
        label=_("Staff and the ethics subcommittee may see our result under our company's name"), required=False
    )

    def __init__(self, *args, checklist, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = checklist.content["items"]
        for item in self.items:
            self.fields[f"item_{item['number']}"] = forms.TypedChoiceField(
                label=f"{item['number']}. {item['text']}",
                choices=[(value, SCALE_LABELS[value]) for value in SCALE],
                coerce=int,
                required=False,
                empty_value=None,
                widget=forms.RadioSelect,
            )

    def item_fields(self):
        return [self[f"item_{item['number']}"] for item in self.items]

    def answers(self) -> dict[str, int]:
        return {
            str(item["number"]): self.cleaned_data[f"item_{item['number']}"]
            for item in self.items
            if self.cleaned_data.get(f"item_{item['number']}") is not None
        }


class ChecklistEditForm(VersionedFormMixin, NamedNumberErrorsMixin, forms.Form):
    """Each item's question, advice, principle, article and weight (whole points adding up to 100)."""

    note = forms.CharField(label=_("What changed"), max_length=300, required=False)

    def __init__(self, *args, checklist, **kwargs):
        super().__init__(*args, version=checklist.version, **kwargs)
        content = checklist.content
        self.items = content["items"]
        principles = [(principle["key"], principle["name"]) for principle in content["principles"]]
        articles = [
            (article["number"], f"제{article['number']}조 {article['text'][:40]}") for article in content["articles"]
        ]
        for item in self.items:
            number = item["number"]
            self.fields[f"text_{number}"] = forms.CharField(
                label=_("Item %(number)s") % {"number": number}, max_length=300, initial=item["text"]
            )
            self.fields[f"advice_{number}"] = forms.CharField(
                label=_("What a company could do"),
                max_length=500,
                initial=item["advice"],
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"principle_{number}"] = forms.ChoiceField(
                label=_("Principle"), choices=principles, initial=item["principle"]
            )
            self.fields[f"article_{number}"] = forms.TypedChoiceField(
                label=_("Article"), choices=articles, coerce=int, initial=item["article"]
            )
            self.fields[f"weight_{number}"] = forms.IntegerField(
                label=_("Weight (points)"), min_value=1, max_value=TOTAL, initial=item["weight"]
            )

    def rows(self):
        return [
            [self[f"{name}_{item['number']}"] for name in ("text", "advice", "principle", "article", "weight")]
            for item in self.items
        ]

    def clean(self):
        cleaned = super().clean()
        weights = [cleaned.get(f"weight_{item['number']}") for item in self.items]
        if all(weight is not None for weight in weights) and sum(weights) != TOTAL:
            raise forms.ValidationError(
                _("The weights must add up to 100 points (now %(sum)s).") % {"sum": sum(weights)}
            )
        return cleaned

    def edited_items(self) -> list[dict]:
        return [
            {
                name: self.cleaned_data[f"{name}_{item['number']}"]
                for name in ("text", "advice", "principle", "article", "weight")
            }
            for item in self.items
        ]
