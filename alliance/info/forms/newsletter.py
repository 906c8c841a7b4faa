"""The newsletter's staff forms: an edition, an item, a feed, a calendar override."""

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.core.versions import VersionedFormMixin
from alliance.info.models import Edition, NewsFeed, PublishingOverride, Section


class NewEditionForm(forms.Form):
    publishing_date = forms.DateField(label=_("Publishing date"), widget=forms.DateInput(attrs={"type": "date"}))


class EditionForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Edition
        fields = ["subject", "carries_advertising"]
        help_texts = {
            "carries_advertising": _(
                "Partner agencies' promotions or events count as advertising: the subject then starts with (광고)."
            )
        }


class ItemFields(forms.Form):
    """The fields an edition's item is written with (ItemForm edits one, NewItemForm adds one)."""

    title = forms.CharField(label=_("Title"), max_length=300)
    summary = forms.CharField(label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    link = forms.URLField(label=_("Link"), required=False, max_length=1000, assume_scheme="https")
    tags = forms.CharField(
        label=_("Tags"), required=False, max_length=200, help_text=_("Separate tags with commas, e.g. AX 전환 관점.")
    )
    image_alt = forms.CharField(label=_("Image description"), required=False, max_length=200)


class ItemForm(VersionedFormMixin, ItemFields):
    """An edition's item; it carries the item's version (core.versions): any staff member."""


class NewItemForm(ItemFields):
    section = forms.ChoiceField(label=_("Section"), choices=Section.choices)


class FeedForm(VersionedFormMixin, forms.ModelForm):
    """A feed subscription; editing one, it carries the feed's version (core.versions)."""

    url = forms.URLField(label=_("Feed address"), max_length=500, assume_scheme="https")

    class Meta:
        model = NewsFeed
        fields = ["name", "url", "section", "active"]


class OverrideForm(forms.ModelForm):
    class Meta:
        model = PublishingOverride
        fields = ["date", "kind", "reason"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"})}
