"""Forms of partner agencies' promotions: the liaison's promotion (title, body, image, link, period) and the
staff's decision. Forms parse; the services check the image's content and the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.core.versions import VersionedFormMixin
from alliance.info.models import Promotion

DATE = forms.DateInput(attrs={"type": "date"})


class PromotionForm(forms.ModelForm):
    """The liaison's promotion. Only its agency's liaison and staff open it, one at a time in practice; a
    change while staff review is refused by the review's lock, so no version is carried."""

    image_file = forms.FileField(
        label=_("Image"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".png,.jpg,.jpeg"}),
        help_text=_("PNG or JPEG, at most 2 MB and 4096 pixels a side."),
    )
    link = forms.URLField(label=_("Link"), required=False, max_length=500, assume_scheme="https")

    class Meta:
        model = Promotion
        fields = ["title", "body", "starts_on", "ends_on", "link", "image_alt"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8}), "starts_on": DATE, "ends_on": DATE}

    field_order = ["title", "body", "starts_on", "ends_on", "link", "image_file", "image_alt"]

    def values(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "body": data["body"],
            "starts_on": data["starts_on"],
            "ends_on": data["ends_on"],
            "link": data.get("link") or "",
            "image": data.get("image_file"),
            "image_alt": data.get("image_alt") or "",
        }


class PromotionTextForm(VersionedFormMixin, forms.ModelForm):
    """Staff correct an accepted promotion's text (two staff may open it at once: versioned)."""

    link = forms.URLField(label=_("Link"), required=False, max_length=500, assume_scheme="https")

    class Meta:
        model = Promotion
        fields = ["title", "body", "link", "starts_on", "ends_on"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8}), "starts_on": DATE, "ends_on": DATE}

    def values(self) -> dict:
        data = self.cleaned_data
        return {name: data.get(name) or "" for name in ("title", "body", "link")} | {
            "starts_on": data["starts_on"],
            "ends_on": data["ends_on"],
        }


class PromotionReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept and post it")), ("return", _("Return with a comment"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Comment to the agency"), required=False, max_length=300, widget=forms.Textarea(attrs={"rows": 3})
    )
