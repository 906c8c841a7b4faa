"""Exports of the public map: SVG of the landscape and the chart, the A3 poster, the staff XLSX, the embed.

The embed page is the only page of the platform that another site may frame: it answers without
X-Frame-Options and with `frame-ancestors *`; everything else keeps DENY / 'none'.
"""

from csp.decorators import csp_replace
from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from alliance.core import downloads
from alliance.core.figures import may_see_exact_figures
from alliance.core.permissions import permission_required, public
from alliance.ecosystem.chart import chart_data
from alliance.ecosystem.chart import chart_svg as draw_chart
from alliance.ecosystem.exports.poster import poster_pdf
from alliance.ecosystem.exports.statistics_xlsx import statistics_workbook
from alliance.ecosystem.exports.svg_landscape import landscape_svg as draw_landscape
from alliance.ecosystem.exports.xlsx import placements_workbook
from alliance.ecosystem.forms.map import ChartForm
from alliance.ecosystem.landscape.filters import tiles_html
from alliance.ecosystem.rules import exact_figures_for
from alliance.ecosystem.views.map import logo_prefix, statistics_of, version_of, year_landscape


@public
@require_GET
def landscape_svg(request, year: int):
    svg = draw_landscape(year_landscape(year, version_of(request)))
    return downloads.file_response(svg, filename=f"ecosystem-{year}.svg", content_type=downloads.SVG)


@public
@require_GET
def chart_svg(request, year: int):
    form = ChartForm(request.GET)
    category = form.cleaned_data.get("category") if form.is_valid() else None
    data = chart_data(year_landscape(year, version_of(request)), category, exact_for=exact_figures_for(request.user))
    if data is None:
        raise Http404
    return downloads.file_response(draw_chart(data), filename=f"ecosystem-chart-{year}.svg", content_type=downloads.SVG)


@public
@require_GET
def poster(request, year: int):
    content = poster_pdf(year_landscape(year, version_of(request)))
    return downloads.file_response(content, filename=f"ecosystem-poster-{year}.pdf", content_type=downloads.PDF)


@public
@require_GET
def statistics_xlsx(request, year: int):
    """The statistics page's tables, withholding what the page withholds for the same visitor."""
    stats = statistics_of(request, year)
    exact = may_see_exact_figures(request.user, None)
    return downloads.file_response(
        statistics_workbook(stats),
        filename=_("Ecosystem statistics %(year)s.xlsx") % {"year": year},
        ascii_name=f"ecosystem-statistics-{year}.xlsx",
        content_type=downloads.XLSX,
        no_store=exact,  # staff's workbook holds every total: no shared cache keeps it
    )


@permission_required("ecosystem.manage_players")
@require_GET
def placements_xlsx(request, year: int):
    year_landscape(year)  # 404 for a year without a taxonomy
    content = placements_workbook(year=year)
    return downloads.file_response(
        content, filename=f"ecosystem-placements-{year}.xlsx", content_type=downloads.XLSX, no_store=True
    )


def _box_or_404(year: int, pk: int):
    land = year_landscape(year)
    box = land.box(pk)
    if box is None:
        raise Http404
    return box


@public
@require_GET
@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
def embed(request, year: int, pk: int):
    """A category's tiles, read-only, for other sites to frame; links open the card in a new tab."""
    box = _box_or_404(year, pk)
    card_prefix = reverse("ecosystem:player_card", args=[year, 0])[: -len("0/")]
    filtered_all = {tile.pk for tile in box.tiles}
    context = {
        "year": year,
        "box": box,
        "tiles": mark_safe(tiles_html(box, filtered_all, card_prefix, logo_prefix())),  # noqa: S308  escaped there
        "map_url": reverse("ecosystem:landscape", args=[year]),
    }
    return render(request, "ecosystem/map/embed.html", context)


@public
@require_GET
def embed_code(request, year: int, pk: int):
    box = _box_or_404(year, pk)
    src = settings.SITE_URL + reverse("ecosystem:embed", args=[year, pk])
    # Text to paste into another page (the template escapes it once more for the textarea): the values in it
    # are escaped for that page, so a category named `"A" <B>` cannot break out of the attribute.
    code = f'<iframe src="{escape(src)}" width="480" height="360" loading="lazy" title="{escape(box.name)}"></iframe>'
    preview = reverse("ecosystem:embed", args=[year, pk])
    context = {"year": year, "box": box, "code": code, "preview": preview}
    return render(request, "ecosystem/map/embed_code.html", context)
