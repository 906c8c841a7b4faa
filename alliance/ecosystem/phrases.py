"""Phrases the ecosystem app reuses, and the Korean labels of its audit actions."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.audit import register_actions, register_key_labels

register_actions(
    {
        "ecosystem.taxonomy.created": _("Ecosystem taxonomy created"),
        "ecosystem.taxonomy.copied": _("Ecosystem taxonomy copied from the previous year"),
        "ecosystem.taxonomy.seeded": _("Default ecosystem taxonomy loaded"),
        "ecosystem.node.added": _("Taxonomy node added"),
        "ecosystem.node.updated": _("Taxonomy node updated"),
        "ecosystem.node.moved": _("Taxonomy node moved"),
        "ecosystem.node.deleted": _("Taxonomy node deleted"),
        "ecosystem.facet.added": _("Technology or field added"),
        "ecosystem.facet.updated": _("Technology or field updated"),
        "ecosystem.facet.deleted": _("Technology or field deleted"),
        "ecosystem.player.created": _("Map player created"),
        "ecosystem.player.updated": _("Map player updated"),
        "ecosystem.placement.saved": _("Placement saved"),
        "ecosystem.placement.confirmed": _("Placement confirmed"),
        "ecosystem.placement.refreshed": _("Placement figures refreshed from the member registry"),
        "ecosystem.snapshot.frozen": _("Ecosystem snapshot published"),
        "ecosystem.landscape.imported": _("Landscape file imported"),
        "ecosystem.match.confirmed": _("Alike landscape items confirmed as one company"),
        "ecosystem.match.denied": _("Alike landscape items decided to be different companies"),
        "ecosystem.survey.opened": _("Map survey opened"),
        "ecosystem.survey.responded": _("Map survey answer received"),
        "ecosystem.survey.applied": _("Map survey answer applied"),
        "ecosystem.survey.rejected": _("Map survey answer rejected"),
    }
)

# Taxonomy rules, shown to staff when an edit is refused.
NODE_NOT_EMPTY = _("“%(name)s” still has %(count)s players placed on it: move them before deleting it.")
NODE_HAS_CHILDREN = _("“%(name)s” still has %(count)s nodes under it: delete or move them first.")
PARENT_OTHER_TAXONOMY = _("The new parent belongs to another year's taxonomy.")
PARENT_WRONG_LEVEL = _("A %(level)s must sit directly under a %(parent_level)s.")
DOMAIN_HAS_NO_PARENT = _("A domain sits at the top and has no parent.")
NAME_TAKEN = _("“%(name)s” already exists at this place in the taxonomy.")
NAME_REQUIRED = _("A name is required.")
TAXONOMY_EXISTS = _("The %(year)s taxonomy already exists.")
NOT_PLACEABLE = _("Players are placed on a category or a subcategory.")
SAVED = _("Saved.")
PLAYER_EXISTS = _("A player named “%(name)s” already exists.")
MEMBER_FIELDS_FROM_REGISTRY = _("A member's name comes from the member registry: change it there.")
NODE_OTHER_TAXONOMY = _("“%(name)s” belongs to another year's taxonomy.")
DELETED = _("Deleted.")
CONFIRMED = _("Placement confirmed.")
MATCH_NEEDS_TWO_URLS = _("A decision needs two different homepages or repositories of one name.")
SELECT_DRAFTS = _("Tick at least one draft placement to confirm.")

# The map's logos (E3).
register_actions(
    {
        "ecosystem.logo.submitted": _("Logo submitted for approval"),
        "ecosystem.logo.applied": _("Logo applied"),
        "ecosystem.logo.rejected": _("Logo rejected"),
    }
)

# Suggested classification and its review (E2).
register_actions(
    {
        "ecosystem.suggestions.requested": _("Placement suggestions requested"),
        "ecosystem.suggestions.generated": _("Placement suggestions generated"),
        "ecosystem.suggestion.accepted": _("Placement suggestion accepted"),
        "ecosystem.suggestion.rejected": _("Placement suggestion rejected"),
    }
)
SUGGESTION_GONE = _("A selected company has no waiting suggestion any more (someone reviewed it meanwhile).")
SUGGESTION_NEEDS_CATEGORY = _("A selected company has no suggested category: choose one before accepting.")
MEMBERS_SYNCED = _("%(count)s members are on the map's player list, up to date with the member registry.")

# The keys this app's services record beside a model's fields, as the history shows them.


# The keys this app's services record beside a model's fields, as the history shows them.
KEY_LABELS = {
    "dry_run": pgettext_lazy("audit key", "trial run (nothing saved)"),
    "seed": pgettext_lazy("audit key", "random seed"),
    "top_n": pgettext_lazy("audit key", "suggestions kept per company"),
    "classifier": pgettext_lazy("audit key", "classifier"),
    "suggested": pgettext_lazy("audit key", "suggested"),
    "players": pgettext_lazy("audit key", "companies"),
    "placements": pgettext_lazy("audit key", "placements"),
    "nodes": pgettext_lazy("audit key", "taxonomy nodes"),
    "suggestions": pgettext_lazy("audit key", "suggestions"),
    "confidence": pgettext_lazy("audit key", "confidence"),
    "copied_from": pgettext_lazy("audit key", "copied from"),
    "keywords": pgettext_lazy("audit key", "keywords"),
    "path": pgettext_lazy("audit key", "path"),
    "submission": pgettext_lazy("audit key", "submission"),
    "logo": pgettext_lazy("audit key", "logo"),
    "source": pgettext_lazy("audit key", "source"),
}
register_key_labels(KEY_LABELS)
