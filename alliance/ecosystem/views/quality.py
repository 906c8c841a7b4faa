"""Data quality (staff): players with no logo, no description, an unconfirmed or stale placement, or a
suggestion waiting, for one year's map."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from alliance.core.permissions import permission_required
from alliance.ecosystem.models import Taxonomy
from alliance.ecosystem.queries.quality import PROBLEMS, problems_of, quality_rows, stale_before


def _row(player, stale) -> dict:
    keys = problems_of(player, stale)
    return {"player": player, "keys": keys, "labels": [PROBLEMS[key] for key in keys]}


@permission_required("ecosystem.manage_players")
@require_GET
def data_quality(request, year: int):
    taxonomy = get_object_or_404(Taxonomy, year=year)
    problem = request.GET.get("problem", "")
    if problem not in PROBLEMS:
        problem = ""
    paginator = Paginator(quality_rows(taxonomy, problem or None), 100)
    page = paginator.get_page(request.GET.get("page"))
    stale = stale_before()
    context = {
        "year": year,
        "page": page,
        "rows": [_row(player, stale) for player in page],
        "problem": problem,
        "problems": [(key, label) for key, label in PROBLEMS.items()],
        "query_prefix": f"problem={problem}&" if problem else "",
    }
    return render(request, "ecosystem/quality/index.html", context)
