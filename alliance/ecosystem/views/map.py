"""The public map of a year: the landscape with its filters, a player's card, the search the page script
asks, the positioning chart and the statistics.

Every page shows the year's current map (its confirmed placements) or, with `?version=published`, the
year's published snapshot as frozen. Public pages: no contacts; company figures by the one rule of
core/figures.py (bands unless staff or the company itself).
"""

from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from alliance.core.figures import may_see_exact_figures, min_companies_for_totals
from alliance.core.page_cache import cached_for_anonymous
from alliance.core.permissions import public
from alliance.core.ratelimit import rate_limited
from alliance.ecosystem import queries
from alliance.ecosystem.chart import chart_data, chart_svg
from alliance.ecosystem.forms.map import ChartForm, LandscapeFilterForm
from alliance.ecosystem.landscape.cards import player_card as live_card
from alliance.ecosystem.landscape.filters import filtered_sections, search_ids
from alliance.ecosystem.landscape.grid import Landscape, landscape_version, live_landscape
from alliance.ecosystem.landscape.snapshot import snapshot_card, snapshot_landscape
from alliance.ecosystem.models import Snapshot, Taxonomy
from alliance.ecosystem.queries import map_statistics
from alliance.ecosystem.rules import exact_figures_for
from alliance.ecosystem.snapshot_api import logo_prefix

PUBLISHED = "published"


def published_snapshot(year: int):
    return Snapshot.objects.filter(year=year).first()


def year_landscape(year: int, version: str = "") -> Landscape:
    """The year's current map, or its published snapshot when `version` is "published"; 404 when missing."""
    if version == PUBLISHED:
        snapshot = published_snapshot(year)
        if snapshot is None:
            raise Http404
        return snapshot_landscape(snapshot)
    taxonomy = Taxonomy.objects.filter(year=year).first()
    if taxonomy is None:
        raise Http404
    return live_landscape(taxonomy)


def version_of(request) -> str:
    return PUBLISHED if request.GET.get("version") == PUBLISHED else ""


def version_query(version: str) -> str:
    return f"?version={version}" if version else ""


@public
@require_GET
def latest(request):
    """`/ecosystem/`: the newest year that has a map."""
    taxonomy = Taxonomy.objects.order_by("-year").first()
    if taxonomy is None:
        raise Http404
    return redirect("ecosystem:landscape", year=taxonomy.year)


def landscape_page_version(request, year: int) -> str:
    """What a year's map page shows for anonymous visitors: its landscape (the stamp) and which years are
    published (the links to snapshots)."""
    taxonomy = Taxonomy.objects.filter(year=year).first()
    published = list(Snapshot.objects.order_by("year").values_list("year", "pk"))
    return f"{landscape_version(taxonomy) if taxonomy else '-'}:{published}"


@public
@require_GET
@cached_for_anonymous(landscape_page_version)
def landscape(request, year: int):
    version = version_of(request)
    land = year_landscape(year, version)
    values = LandscapeFilterForm(request.GET).values()
    filtered, boxes = filtered_sections(land, values, "players/", logo_prefix(), version_query(version))
    context = {
        "year": year,
        "landscape": land,
        "filtered": filtered,
        "values": values,
        "sections": boxes,
        "version": version,
        "version_query": version_query(version),
        "has_snapshot": land.frozen or published_snapshot(year) is not None,
        "has_current": not land.frozen or Taxonomy.objects.filter(year=year).exists(),
        "can_manage": request.user.has_perm("ecosystem.manage_players"),
        "latest_published": queries.published_snapshots().exclude(year=year).first(),
    }
    return render(request, "ecosystem/map/landscape.html", context)


@public
@require_GET
@rate_limited("search")
def landscape_search(request, year: int):
    """The pks of the players whose name or business fields match `q` (core.korean normalisation)."""
    land = year_landscape(year, version_of(request))
    query = LandscapeFilterForm(request.GET).values()["q"]
    return JsonResponse({"ids": search_ids(land, query)})


@public
@require_GET
@vary_on_headers("HX-Request")
def player_card(request, year: int, pk: int):
    version = version_of(request)
    if version == PUBLISHED:
        snapshot = published_snapshot(year)
        card = snapshot_card(snapshot, pk, logo_prefix()) if snapshot else None
    else:
        card = live_card(year=year, player_pk=pk, logo_prefix=logo_prefix())
    if card is None:
        raise Http404
    template = "ecosystem/map/card.html"
    if request.htmx:
        template += "#card"
    context = {
        "year": year,
        "card": card,
        "version_query": version_query(version),
        "can_upload_logo": not version and request.user.has_perm("ecosystem.submit_logo", card),
    }
    return render(request, template, context)


@public
@require_GET
def chart(request, year: int):
    version = version_of(request)
    land = year_landscape(year, version)
    form = ChartForm(request.GET)
    category = form.cleaned_data.get("category") if form.is_valid() else None
    data = chart_data(land, category, exact_for=exact_figures_for(request.user))
    if data is None:
        raise Http404
    context = {
        "year": year,
        "data": data,
        "svg": mark_safe(chart_svg(data)),  # noqa: S308  built with escape() in chart.py
        "boxes": land.boxes,
        "category": category,
        "version": version,
        "version_query": version_query(version),
        "score_url": _score_formula_url(),
    }
    return render(request, "ecosystem/map/chart.html", context)


def _score_formula_url() -> str:
    try:
        return reverse("ecosystem:score_formula")
    except NoReverseMatch:
        return ""


def statistics_of(request, year: int) -> map_statistics.MapStatistics:
    """The year's statistics as the visitor may see them: every total for staff, totals over enough companies
    for everyone else (core/figures.py, "Totals")."""
    land = year_landscape(year, version_of(request))
    return map_statistics.map_statistics(land, exact=may_see_exact_figures(request.user, None))


@public
@require_GET
def statistics(request, year: int):
    version = version_of(request)
    stats = statistics_of(request, year)
    context = {
        "year": year,
        "version_query": version_query(version),
        "categories": stats.categories,
        "regions": stats.regions,
        "korea_map": mark_safe(map_statistics.korea_map_svg(stats.regions)),  # noqa: S308  escaped in map_statistics
        "sizes": stats.sizes,
        "ages": stats.ages,
        "domain_names": stats.domain_names,
        "years": [(row, [row.domains.get(name, (0, 0)) for name in stats.domain_names]) for row in stats.years],
        "chart_data": map_statistics.chart_data(stats),
        "min_companies": min_companies_for_totals(),
        "exact_totals": may_see_exact_figures(request.user, None),
    }
    return render(request, "ecosystem/map/statistics.html", context)
