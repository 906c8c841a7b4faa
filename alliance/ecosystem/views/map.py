"""The public map of a year: the landscape with its filters, a player's card, and the search the page script asks.

Public pages: no contacts, no exact figures beyond the revenue band.
"""

from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from alliance.ecosystem import landscape as maps
from alliance.ecosystem import map_statistics
from alliance.ecosystem.chart import chart_data, chart_svg
from alliance.ecosystem.forms.map import ChartForm, LandscapeFilterForm
from alliance.ecosystem.models import Taxonomy


def year_landscape(year: int) -> maps.Landscape:
    taxonomy = get_object_or_404(Taxonomy, year=year)
    return maps.live_landscape(taxonomy)


def logo_prefix() -> str:
    return reverse("ecosystem:logo_file", args=["x.svg"])[: -len("x.svg")]


@require_GET
def landscape(request, year: int):
    land = year_landscape(year)
    values = LandscapeFilterForm(request.GET).values()
    filtered = maps.apply_filters(land, values, values["q"])
    context = {
        "year": str(year),  # shown as 2026, not 2,026 (USE_THOUSAND_SEPARATOR)
        "landscape": land,
        "filtered": filtered,
        "values": values,
        "sections": maps.sections(filtered, "players/", logo_prefix()),
        "query_string": request.GET.urlencode(),
    }
    return render(request, "ecosystem/map/landscape.html", context)


@require_GET
def landscape_search(request, year: int):
    """The pks of the players whose name or business fields match `q` (core.korean normalisation)."""
    land = year_landscape(year)
    query = LandscapeFilterForm(request.GET).values()["q"]
    return JsonResponse({"ids": maps.search_ids(land, query)})


@require_GET
@vary_on_headers("HX-Request")
def player_card(request, year: int, pk: int):
    card = maps.player_card(year=year, player_pk=pk, logo_prefix=logo_prefix())
    if card is None:
        raise Http404
    template = "ecosystem/map/card.html"
    if request.htmx:
        template += "#card"
    return render(request, template, {"year": str(year), "card": card})


@require_GET
def chart(request, year: int):
    land = year_landscape(year)
    form = ChartForm(request.GET)
    category = form.cleaned_data.get("category") if form.is_valid() else None
    data = chart_data(land, category)
    if data is None:
        raise Http404
    context = {
        "year": str(year),  # shown as 2026, not 2,026 (USE_THOUSAND_SEPARATOR)
        "data": data,
        "svg": mark_safe(chart_svg(data)),  # noqa: S308  built with escape() in chart.py
        "boxes": land.boxes,
        "category": category,
        "score_url": _score_formula_url(),
    }
    return render(request, "ecosystem/map/chart.html", context)


def _score_formula_url() -> str:
    try:
        return reverse("ecosystem:score_formula")
    except NoReverseMatch:
        return ""


@require_GET
def statistics(request, year: int):
    land = year_landscape(year)
    regions = map_statistics.region_rows(land)
    domain_names, years = map_statistics.yearly_rows()
    context = {
        "year": str(year),  # shown as 2026, not 2,026 (USE_THOUSAND_SEPARATOR)
        "categories": map_statistics.category_rows(land),
        "regions": regions,
        "korea_map": mark_safe(map_statistics.korea_map_svg(regions)),  # noqa: S308  escaped in map_statistics
        "sizes": map_statistics.size_rows(land),
        "ages": map_statistics.age_rows(land),
        "domain_names": domain_names,
        "years": [(row, [row.domains.get(name, (0, 0)) for name in domain_names]) for row in years],
    }
    return render(request, "ecosystem/map/statistics.html", context)
