"""What the ecosystem's mass actions say before they act (core/confirm.py): preparing, accepting or rejecting
many suggested placements, bringing every current member into the map, copying a year's taxonomy and loading a
landscape.yml."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from alliance.core.confirm import ORGANISATIONS, RECORDS, Confirmation
from alliance.ecosystem.forms.suggestions import ACCEPT
from alliance.ecosystem.models import Placement, PlacementSuggestion, Player, Taxonomy, TaxonomyNode
from alliance.ecosystem.services.players import member_sync_preview
from alliance.ecosystem.services.suggestions import players_to_suggest

NOTHING_TO_SUGGEST = gettext_lazy(
    "No company needs suggestions: every one with a description or business fields is placed and confirmed."
)


def _top_categories(taxonomy: Taxonomy, player_ids) -> dict[int, str]:
    """Player id → name of its most confident waiting category suggestion."""
    rows = (
        PlacementSuggestion.objects.filter(
            taxonomy=taxonomy,
            status=PlacementSuggestion.Status.WAITING,
            kind=PlacementSuggestion.Kind.CATEGORY,
            player_id__in=list(player_ids),
        )
        .order_by("player_id", "-confidence", "id")
        .values_list("player_id", "node__name")
    )
    top: dict[int, str] = {}
    for player_id, node in rows:
        top.setdefault(player_id, node or "")
    return top


def suggestions_confirmation(taxonomy: Taxonomy, action: str, choices: dict[int, TaxonomyNode | None]):
    names = dict(Player.objects.filter(pk__in=list(choices)).values_list("pk", "name"))
    cancel = reverse("ecosystem:suggestions") + "?" + urlencode({"year": taxonomy.year})
    if action != ACCEPT:
        return Confirmation(
            title=_("Reject the suggestions"),
            summary=_("The waiting suggestions of the companies below are closed; nothing is placed."),
            count=len(choices),
            unit=ORGANISATIONS,
            names=sorted(names.values()),
            cancel_url=cancel,
            confirm_label=_("Reject the suggestions"),
        )
    top = _top_categories(taxonomy, choices)
    placed = []
    for player_id, corrected in choices.items():
        if corrected is not None:
            label = _("%(company)s → %(category)s (corrected)") % {"company": names[player_id], "category": corrected}
        else:
            label = _("%(company)s → %(category)s") % {"company": names[player_id], "category": top.get(player_id, "")}
        placed.append(label)
    return Confirmation(
        title=_("Accept the suggestions"),
        summary=_(
            "Each company below is placed on the %(year)s map in the category shown, with its suggested "
            "technologies and fields, and the placement is confirmed."
        )
        % {"year": taxonomy.year},
        count=len(choices),
        unit=ORGANISATIONS,
        names=sorted(placed),
        cancel_url=cancel,
        confirm_label=_("Place and confirm"),
    )


def generate_confirmation(taxonomy: Taxonomy) -> Confirmation:
    """Preparing suggestions replaces the waiting ones of every company without a confirmed placement."""
    names = list(players_to_suggest(taxonomy).order_by("name").values_list("name", flat=True))
    return Confirmation(
        title=_("Prepare suggestions"),
        summary=_(
            "Fresh suggestions are prepared in the background for the companies below: those without a confirmed "
            "placement on the %(year)s map that have a description or business fields. Nothing is placed until "
            "you accept."
        )
        % {"year": taxonomy.year},
        count=len(names),
        unit=ORGANISATIONS,
        names=names,
        refusals=[] if names else [NOTHING_TO_SUGGEST],
        cancel_url=reverse("ecosystem:suggestions") + "?" + urlencode({"year": taxonomy.year}),
        confirm_label=_("Prepare suggestions"),
    )


def sync_confirmation(organisations, back: str) -> Confirmation:
    preview = member_sync_preview(organisations)
    changes = [*(_("%(name)s (new)") % {"name": name} for name in preview.created), *preview.updated]
    refusals = [] if changes else [_("Every current member is already on the map as the registry has it.")]
    return Confirmation(
        title=_("Bring the members into the map"),
        summary=_(
            "%(created)s members become players of the map and %(updated)s players take the registry's current "
            "values; %(unchanged)s are unchanged."
        )
        % {
            "created": f"{len(preview.created):,}",
            "updated": f"{len(preview.updated):,}",
            "unchanged": f"{preview.unchanged:,}",
        },
        count=len(changes),
        unit=ORGANISATIONS,
        names=changes,
        refusals=refusals,
        cancel_url=back,
        confirm_label=_("Bring them in"),
    )


def taxonomy_copy_confirmation(source: Taxonomy, year: int, with_placements: bool) -> Confirmation:
    nodes = source.nodes.count()
    refusals, warnings = [], []
    if Taxonomy.objects.filter(year=year).exists():
        refusals.append(_("The %(year)s map already exists: nothing is copied into it.") % {"year": year})
    if not nodes:
        refusals.append(_("The %(year)s taxonomy has no categories to copy.") % {"year": source.year})
    if year < source.year:
        warnings.append(
            _("%(year)s is earlier than %(source)s, the year copied.") % {"year": year, "source": source.year}
        )
    summary = _("The %(year)s map starts as a copy of %(source)s: its categories, technologies and fields.") % {
        "year": year,
        "source": source.year,
    }
    if with_placements:
        placements = source.placements.count()
        summary += " " + _("The %(count)s placements are copied as drafts to confirm.") % {"count": f"{placements:,}"}
    roots = source.nodes.filter(parent__isnull=True).order_by("position", "pk").values_list("name", flat=True)
    return Confirmation(
        title=_("Copy the taxonomy"),
        summary=summary,
        count=nodes,
        unit=RECORDS,
        names=list(roots),
        warnings=warnings,
        refusals=refusals,
        cancel_url=reverse("ecosystem:manage"),
        confirm_label=_("Copy the taxonomy"),
    )


def placements_confirmation(taxonomy: Taxonomy, ids: list[str]) -> Confirmation:
    drafts = (
        Placement.objects.filter(pk__in=[int(pk) for pk in ids], taxonomy=taxonomy, status=Placement.Status.DRAFT)
        .select_related("player", "primary")
        .order_by("player__name")
    )
    names = [
        f"{placement.player.name} → {placement.primary.name if placement.primary else '-'}" for placement in drafts
    ]
    return Confirmation(
        title=_("Confirm the placements"),
        summary=_("The draft placements below are confirmed as they stand on the %(year)s map.")
        % {"year": taxonomy.year},
        count=len(names),
        unit=RECORDS,
        names=names,
        refusals=[] if names else [_("None of the selected placements is a draft of this year any more.")],
        cancel_url=reverse("ecosystem:players", args=[taxonomy.year]),
        confirm_label=_("Confirm the placements"),
    )
