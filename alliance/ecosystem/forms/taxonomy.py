"""Forms of the taxonomy editor. They parse; services.taxonomy enforces the tree rules."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.bounds import COUNT_MAX, NamedNumberErrorsMixin, id_field
from alliance.core.versions import VersionedFormMixin
from alliance.ecosystem.models import PARENT_LEVEL, Level, TaxonomyNode

KSIC_CODE = re.compile(r"^\d{5}$")


def split_words(text: str) -> list[str]:
    """`XR 기기, HMD` → ['XR 기기', 'HMD'] (commas or line breaks separate)."""
    return [part.strip() for part in re.split(r"[,\n、，]", text or "") if part.strip()]


class NodeForm(VersionedFormMixin, forms.Form):
    """A node's name, description, codes and keywords; `version=` the node's (core.versions)."""

    name = forms.CharField(label=pgettext_lazy("taxonomy node", "Name"), max_length=120)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    ksic_codes = forms.CharField(
        label=_("KSIC codes"), required=False, help_text=_("Five-digit sub-class codes, separated by commas.")
    )
    keywords = forms.CharField(label=_("Keywords"), required=False, help_text=_("Separated by commas."))

    def clean_ksic_codes(self):
        codes = split_words(self.cleaned_data["ksic_codes"])
        wrong = [code for code in codes if not KSIC_CODE.match(code)]
        if wrong:
            raise forms.ValidationError(
                _("Not a five-digit KSIC code: %(codes)s"), params={"codes": ", ".join(wrong)}, code="ksic"
            )
        return codes

    def clean_keywords(self):
        return split_words(self.cleaned_data["keywords"])

    @classmethod
    def initial_for(cls, node: TaxonomyNode) -> dict:
        return {
            "name": node.name,
            "description": node.description,
            "ksic_codes": ", ".join(node.ksic_codes),
            "keywords": ", ".join(node.keywords),
        }


class AddNodeForm(forms.Form):
    name = forms.CharField(label=pgettext_lazy("taxonomy node", "Name"), max_length=120)
    parent = id_field(required=False)


class MoveNodeForm(NamedNumberErrorsMixin, VersionedFormMixin, forms.Form):
    """A node's new parent and position; it carries the node's version (core.versions)."""

    parent = forms.ModelChoiceField(label=_("New parent"), queryset=TaxonomyNode.objects.none(), required=False)
    position = forms.IntegerField(
        label=_("Position among its siblings"),
        required=False,
        min_value=1,
        max_value=COUNT_MAX,
        help_text=_("Empty: last."),
    )

    def __init__(self, *args, node: TaxonomyNode, paths: dict, **kwargs):
        super().__init__(*args, version=node.version, **kwargs)
        field = self.fields["parent"]
        if node.level == Level.DOMAIN:
            field.queryset = TaxonomyNode.objects.none()
        else:
            field.queryset = TaxonomyNode.objects.filter(
                taxonomy=node.taxonomy_id, level=PARENT_LEVEL[Level(node.level)]
            ).order_by("position", "id")
            field.required = True
            field.initial = node.parent_id
        field.label_from_instance = lambda parent: " › ".join(paths[parent.pk])


class TaxonomyCreateForm(NamedNumberErrorsMixin, forms.Form):
    DEFAULT = "default"
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    start_from = forms.ChoiceField(label=_("Start from"))
    with_placements = forms.BooleanField(label=_("Copy the placements as drafts too"), required=False)

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start_from"].choices = [(self.DEFAULT, _("The default taxonomy (seed 003)"))] + [
            (str(year), _("A copy of the %(year)s taxonomy") % {"year": year}) for year in years
        ]


class FacetForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Facet"), choices=[("technology", _("Core technology")), ("field", _("Application field"))]
    )
    name = forms.CharField(label=pgettext_lazy("technology or field", "Name"), max_length=120)
    keywords = forms.CharField(label=_("Keywords"), required=False, help_text=_("Separated by commas."))

    def clean_keywords(self):
        return split_words(self.cleaned_data["keywords"])
