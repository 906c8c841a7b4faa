"""The bulk review of suggestions: which companies, accept or reject, and any corrected category."""

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.ecosystem.models import PLACEABLE_LEVELS, TaxonomyNode

ACCEPT = "accept"
REJECT = "reject"
TOP_SUGGESTION = ""


class SuggestionReviewForm(forms.Form):
    """`players` (checkboxes) and, per selected company, `category-<player id>`: empty for its top
    suggestion, or the id of a category or subcategory of the year's taxonomy (a correction)."""

    action = forms.ChoiceField(choices=[(ACCEPT, _("Accept")), (REJECT, _("Reject"))])
    players = forms.TypedMultipleChoiceField(
        label=_("Companies"),
        coerce=int,
        error_messages={
            "required": _("Select at least one company."),
            "invalid_choice": _("A selected company has no waiting suggestion any more; reload the page."),
        },
    )

    def __init__(self, *args, taxonomy, waiting_ids, names=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.taxonomy = taxonomy
        self.names = names or {}
        self.fields["players"].choices = [(pk, pk) for pk in sorted(waiting_ids)]

    def clean(self):
        cleaned = super().clean()
        selected = cleaned.get("players") or []
        wanted = {}
        for player_id in selected:
            value = (self.data.get(f"category-{player_id}") or TOP_SUGGESTION).strip()
            if value == TOP_SUGGESTION:
                wanted[player_id] = None
                continue
            if not value.isdigit():
                self._bad_category(player_id)
                continue
            wanted[player_id] = int(value)
        nodes = TaxonomyNode.objects.filter(
            taxonomy=self.taxonomy, level__in=PLACEABLE_LEVELS, pk__in=[v for v in wanted.values() if v]
        ).in_bulk()
        corrections = {}
        for player_id, node_id in wanted.items():
            if node_id is None:
                corrections[player_id] = None
            elif node_id in nodes:
                corrections[player_id] = nodes[node_id]
            else:
                self._bad_category(player_id)
        cleaned["choices"] = corrections
        return cleaned

    def _bad_category(self, player_id: int) -> None:
        self.add_error(
            None,
            _("The category chosen for “%(name)s” is not a category of the %(year)s map.")
            % {"name": self.names.get(player_id, player_id), "year": self.taxonomy.year},
        )
