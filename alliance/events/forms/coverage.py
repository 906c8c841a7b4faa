"""Forms after an event: a press article."""

from django import forms
from django.utils.translation import gettext_lazy as _

DATE = forms.DateInput(attrs={"type": "date"})


class PressArticleForm(forms.Form):
    outlet = forms.CharField(label=_("Outlet"), max_length=100)
    published_on = forms.DateField(label=_("Published on"), widget=DATE)
    title = forms.CharField(label=_("Headline"), max_length=300)
    url = forms.URLField(label=_("Address"), max_length=500, required=False, assume_scheme="https")


class PhotoForm(forms.Form):
    image = forms.FileField(
        label=_("Photo"),
        widget=forms.ClearableFileInput(attrs={"accept": ".png,.jpg,.jpeg"}),
        help_text=_("PNG or JPEG, at most 8 MB and 8000 pixels a side."),
    )
    caption = forms.CharField(
        label=_("Caption"),
        max_length=200,
        required=False,
        help_text=_("What the photo shows, for readers who cannot see it."),
    )
