"""Forms of the minutes pages: one item's text with its presentations and action items, the comment deadline,
a correction's reason, an upload and an attendee's comment."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.core.versions import VersionedFormMixin
from alliance.governance.models import Decision, MinutesFileKind
from alliance.programs.uploads import ACCEPT_ATTRIBUTE

# The photos services.minutes_files accepts (JPEG, PNG), for the file picker; the service checks the content.
PHOTO_ACCEPT = ".jpg,.jpeg,.png"


class ItemForm(VersionedFormMixin, forms.Form):
    """One item of draft minutes; it carries the item's version (core.versions), its presentations and action
    items as `extra` parts."""

    title = forms.CharField(label=_("title"), max_length=300)
    discussion = forms.CharField(
        label=_("discussion"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("One point a line."),
    )
    decisions = forms.ModelMultipleChoiceField(
        label=_("Decisions taken on this item"),
        queryset=Decision.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decisions"].queryset = Decision.objects.filter(meeting=meeting).order_by("pk")
        self.fields["decisions"].label_from_instance = lambda decision: decision.motion


class PresentationForm(forms.Form):
    title = forms.CharField(label=_("title"), max_length=300, required=False)
    presenter = forms.CharField(label=_("presenter"), max_length=100, required=False)
    affiliation = forms.CharField(label=_("presenter's affiliation"), max_length=200, required=False)

    def clean(self):
        data = super().clean()
        if any(data.get(name) for name in ("presenter", "affiliation")) and not data.get("title"):
            self.add_error("title", _("Give the presentation's title."))
        if data.get("title") and not data.get("presenter"):
            self.add_error("presenter", _("Name the presenter."))
        return data

    def values(self) -> dict | None:
        data = self.cleaned_data
        return {k: data[k] for k in ("title", "presenter", "affiliation")} if data.get("title") else None


class ActionItemForm(forms.Form):
    description = forms.CharField(label=_("follow-up action"), max_length=300, required=False)
    owner = forms.CharField(label=_("owner"), max_length=100, required=False)
    due_on = forms.DateField(label=_("due date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    done = forms.BooleanField(label=_("done"), required=False)

    def clean(self):
        data = super().clean()
        if (data.get("owner") or data.get("due_on")) and not data.get("description"):
            self.add_error("description", _("Say what is to be done."))
        if data.get("description") and not data.get("owner"):
            self.add_error("owner", _("Name who does it."))
        return data

    def values(self) -> dict | None:
        data = self.cleaned_data
        if not data.get("description"):
            return None
        return {k: data[k] for k in ("description", "owner", "due_on", "done")}


PresentationFormSet = forms.formset_factory(PresentationForm, extra=1)
ActionItemFormSet = forms.formset_factory(ActionItemForm, extra=1)


class CirculateForm(forms.Form):
    comments_due = forms.DateField(label=_("comments due"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean_comments_due(self):
        day = self.cleaned_data["comments_due"]
        if day < timezone.localdate():
            raise forms.ValidationError(_("Choose a deadline for comments: today or a later day."))
        return day


class CorrectionForm(forms.Form):
    reason = forms.CharField(label=_("reason for the correction"), widget=forms.Textarea(attrs={"rows": 3}))


class ItemAddForm(forms.Form):
    title = forms.CharField(label=_("title"), max_length=300)


class FileForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind"), choices=MinutesFileKind.choices)
    upload = forms.FileField(
        label=_("file"), widget=forms.ClearableFileInput(attrs={"accept": f"{PHOTO_ACCEPT},{ACCEPT_ATTRIBUTE}"})
    )
    caption = forms.CharField(label=_("caption"), max_length=200, required=False)


class CommentForm(forms.Form):
    text = forms.CharField(label=_("comment"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000)
