"""Published snapshots: the public list, one snapshot's map, the comparison of two maps; and the
secretariat's page that freezes a year."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alliance.core.figures import shown_figures
from alliance.core.permissions import permission_required, public
from alliance.ecosystem import queries
from alliance.ecosystem.models import Placement, Taxonomy
from alliance.ecosystem.queries import build_snapshot_data
from alliance.ecosystem.rules import exact_figures_for
from alliance.ecosystem.services.snapshots import compare_snapshots, freeze_snapshot

LIVE_PREFIX = "live-"


@public
def snapshots(request):
    """Public: every published snapshot, newest first."""
    return render(request, "ecosystem/snapshots/index.html", {"snapshots": list(queries.published_snapshots())})


def grouped_map(data: dict) -> list[dict]:
    """Domains → layers → categories, each category with the sorted names of its players (subcategories
    included), from a snapshot's data."""
    names = {player["id"]: player["name"] for player in data["players"]}
    players_of: dict[tuple, list[str]] = {}
    for placement in data["placements"]:
        players_of.setdefault(tuple(placement["category"][:3]), []).append(names[placement["player"]])
    domains, layers = [], {}
    for node in data["categories"]:
        path = tuple(node["path"])
        if node["level"] == "domain":
            domains.append({"name": node["name"], "layers": []})
        elif node["level"] == "layer":
            layer = {"name": node["name"], "categories": []}
            layers[path] = layer
            domains[-1]["layers"].append(layer)
        elif node["level"] == "category":
            layers[path[:2]]["categories"].append({"name": node["name"], "players": sorted(players_of.get(path, []))})
    return domains


@public
def snapshot_detail(request, slug: str):
    """Public: a frozen map, category by category, with links to its JSON and to comparisons."""
    snapshot = queries.snapshot_by_slug(slug)
    if snapshot is None:
        raise Http404
    context = {
        "snapshot": snapshot,
        "domains": grouped_map(snapshot.data),
        "player_count": len(snapshot.data["players"]),
        "others": list(queries.published_snapshots().exclude(pk=snapshot.pk)),
    }
    return render(request, "ecosystem/snapshots/detail.html", context)


def _comparand(key: str) -> tuple[str, dict] | None:
    """A snapshot by slug, or `live-<year>`: that year's current map (its confirmed placements)."""
    if key.startswith(LIVE_PREFIX) and key[len(LIVE_PREFIX) :].isdigit():
        taxonomy = queries.taxonomy_for_year(int(key[len(LIVE_PREFIX) :]))
        if taxonomy is None:
            return None
        return _("%(year)s map (current)") % {"year": taxonomy.year}, build_snapshot_data(taxonomy)
    snapshot = queries.snapshot_by_slug(key)
    if snapshot is None:
        return None
    return _("%(year)s snapshot") % {"year": snapshot.year}, snapshot.data


def compare_options() -> list[tuple[str, str]]:
    """(key, label) of every comparable map, newest year first: published snapshots, and the current map of
    each year not yet published."""
    snapshot_years = {snapshot.year: snapshot.slug for snapshot in queries.published_snapshots()}
    years = sorted(set(snapshot_years) | set(Taxonomy.objects.values_list("year", flat=True)), reverse=True)
    return [
        (snapshot_years[year], _("%(year)s snapshot") % {"year": year})
        if year in snapshot_years
        else (f"{LIVE_PREFIX}{year}", _("%(year)s map (current)") % {"year": year})
        for year in years
    ]


def shown_growth(rows: list[dict], *, exact_for) -> list[dict]:
    """The "grew" rows as the viewer may see them (core/figures.py): with exact figures where the rule allows
    (`before`/`after` ShownFigures); for anyone else a company counts as grown only when its revenue or
    employee band rose, and shows its bands, so that the list itself reveals nothing the bands do not."""
    shown = []
    for row in rows:
        exact = exact_for(row["id"])
        before = shown_figures(revenue=row["revenue"][0], employees=row["employees"][0], exact=exact)
        after = shown_figures(revenue=row["revenue"][1], employees=row["employees"][1], exact=exact)
        rose = after.revenue_band > before.revenue_band or (after.employees_band or 0) > (before.employees_band or 0)
        if exact or rose:
            shown.append({"id": row["id"], "name": row["name"], "before": before, "after": after})
    return shown


@public
def snapshot_compare(request):
    """Public: who entered, left, moved category or grew between two maps (?a=2025&b=live-2026).

    Without parameters it compares the two most recent years. The older map is always on the left.
    """
    options = compare_options()
    keys = [key for key, _label in options]
    newer_key = request.GET.get("b") or (keys[0] if keys else "")
    older_key = request.GET.get("a") or (keys[1] if len(keys) > 1 else "")
    older, newer = _comparand(older_key), _comparand(newer_key)
    result = None
    if older and newer:
        if older[1]["year"] > newer[1]["year"]:
            (older, older_key), (newer, newer_key) = (newer, newer_key), (older, older_key)
        result = compare_snapshots(older[1], newer[1])
        result["grew"] = shown_growth(result["grew"], exact_for=exact_figures_for(request.user))
    context = {
        "options": options,
        "older_key": older_key,
        "newer_key": newer_key,
        "older_label": older[0] if older else "",
        "newer_label": newer[0] if newer else "",
        "result": result,
    }
    return render(request, "ecosystem/snapshots/compare.html", context)


@permission_required("ecosystem.manage_snapshots")
def snapshots_manage(request):
    """Each year with its confirmed and draft placements, published or not, and the freeze button."""
    taxonomies = Taxonomy.objects.annotate(
        confirmed=Count("placements", filter=Q(placements__status=Placement.Status.CONFIRMED)),
        drafts=Count("placements", filter=Q(placements__status=Placement.Status.DRAFT)),
    )
    published = {snapshot.year: snapshot for snapshot in queries.published_snapshots()}
    rows = [{"taxonomy": taxonomy, "snapshot": published.get(taxonomy.year)} for taxonomy in taxonomies]
    return render(request, "ecosystem/snapshots/manage.html", {"rows": rows})


@permission_required("ecosystem.manage_snapshots")
@require_POST
def snapshot_freeze(request, year: int):
    get_object_or_404(Taxonomy, year=year)
    try:
        snapshot = freeze_snapshot(actor=request.user, year=year)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("ecosystem:snapshots_manage")
    messages.success(request, _("The %(year)s map is published.") % {"year": year})
    return redirect("ecosystem:snapshot", slug=snapshot.slug)
