"""Forms of the boards: the public list's search and category filter, the staff's post form (versioned: two
staff may edit one post), its attachments and its publication."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.versions import VersionedFormMixin
from alliance.info.forms.archive import ArchiveFileInput, MultipleFileField
from alliance.info.models import Post
from alliance.info.queries.board import categories_in_use
from alliance.programs.uploads import ACCEPT_ATTRIBUTE

ANY = [("", pgettext_lazy("filter", "All"))]


class BoardFilterForm(forms.Form):
    """The public list's search (words of the title) and category; invalid values are ignored."""

    q = forms.CharField(label=_("Search titles"), required=False, max_length=100)
    category = forms.ChoiceField(label=_("Category"), required=False)

    def __init__(self, *args, board: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = ANY + categories_in_use(board)
        self.fields["q"].widget.attrs.update({"type": "search", "placeholder": _("Words of the title")})

    def values(self) -> tuple[str, str]:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return (data.get("q") or "").strip(), data.get("category") or ""


class PostForm(VersionedFormMixin, forms.ModelForm):
    """A post's board, category, title, Markdown body and pin (publication has its own form)."""

    class Meta:
        model = Post
        fields = ["board", "category", "title", "body", "pinned"]
        widgets = {"body": forms.Textarea(attrs={"rows": 14, "class": "markdown-input"})}
        help_texts = {"category": _("Categories are a fixed list so that the boards and the briefing count them.")}


class AttachmentsForm(forms.Form):
    files = MultipleFileField(
        label=_("Attachments"),
        required=False,
        widget=ArchiveFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
        help_text=_("PDF, HWP, HWPX, PPTX or DOCX."),
    )


class PublishForm(forms.Form):
    """Publish now (no time), or at a time (scheduled), optionally until a time."""

    publish_at = forms.DateTimeField(
        label=_("Publish at"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=_("Leave empty to publish now; a later time schedules the post."),
    )
    expires_at = forms.DateTimeField(
        label=_("Shown until"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
