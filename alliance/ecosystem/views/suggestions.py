"""The secretariat's review of suggested placements: list the waiting ones, accept (or correct, then
accept) or reject many at once, and ask for fresh suggestions. Nothing is placed without this review."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from alliance.core.confirm import confirmation_gate
from alliance.core.permissions import permission_required
from alliance.ecosystem import queries
from alliance.ecosystem.forms.suggestions import ACCEPT, SuggestionReviewForm
from alliance.ecosystem.models import Player, Taxonomy
from alliance.ecosystem.queries import suggestions as suggestion_queries
from alliance.ecosystem.services.suggestion_runs import request_suggestions
from alliance.ecosystem.services.suggestions import accept_suggestions, reject_suggestions
from alliance.ecosystem.views.confirmations import generate_confirmation, suggestions_confirmation

PAGE_SIZE = 50


def _taxonomy(request) -> Taxonomy:
    year = request.GET.get("year") or request.POST.get("year")
    if year and year.isdigit():
        return get_object_or_404(Taxonomy, year=int(year))
    taxonomy = suggestion_queries.newest_taxonomy()
    if taxonomy is None:
        raise Http404
    return taxonomy


def _back(taxonomy: Taxonomy, page: str | None = None):
    query = {"year": taxonomy.year} | ({"page": page} if page and page.isdigit() else {})
    return redirect(reverse("ecosystem:suggestions") + "?" + urlencode(query))


@permission_required("ecosystem.manage_players")
def suggestions(request):
    """Companies with waiting suggestions, 50 a page: suggested category, technologies and fields."""
    taxonomy = _taxonomy(request)
    page = Paginator(suggestion_queries.players_with_waiting_suggestions(taxonomy), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    for player in page:
        suggestion_queries.split_by_kind(player)
    context = {
        "taxonomy": taxonomy,
        "page": page,
        "node_choices": queries.placeable_nodes(taxonomy),
        "query_string": urlencode({"year": taxonomy.year}),
    }
    return render(request, "ecosystem/manage/suggestions.html", context)


@permission_required("ecosystem.manage_players")
@require_POST
def suggestions_review(request):
    taxonomy = _taxonomy(request)
    waiting_ids = suggestion_queries.waiting_player_ids(taxonomy)
    selected = [int(v) for v in request.POST.getlist("players") if v.isdigit()]
    names = dict(Player.objects.filter(pk__in=selected).values_list("pk", "name"))
    form = SuggestionReviewForm(request.POST, taxonomy=taxonomy, waiting_ids=waiting_ids, names=names)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return _back(taxonomy, request.POST.get("page"))
    confirmation = suggestions_confirmation(taxonomy, form.cleaned_data["action"], form.cleaned_data["choices"])
    if (page := confirmation_gate(request, confirmation)) is not None:
        return page
    try:
        if form.cleaned_data["action"] == ACCEPT:
            count = accept_suggestions(actor=request.user, taxonomy=taxonomy, choices=form.cleaned_data["choices"])
            message = ngettext(
                "%(count)s company placed and confirmed.", "%(count)s companies placed and confirmed.", count
            )
            messages.success(request, message % {"count": f"{count:,}"})
        else:
            count = reject_suggestions(actor=request.user, taxonomy=taxonomy, player_ids=form.cleaned_data["players"])
            message = ngettext(
                "Suggestions of %(count)s company rejected.", "Suggestions of %(count)s companies rejected.", count
            )
            messages.success(request, message % {"count": f"{count:,}"})
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return _back(taxonomy, request.POST.get("page"))


@permission_required("ecosystem.manage_players")
@require_POST
def suggestions_generate(request):
    """Fresh suggestions for every company of the year's map without a confirmed placement (a task)."""
    taxonomy = _taxonomy(request)
    if (page := confirmation_gate(request, generate_confirmation(taxonomy))) is not None:
        return page
    request_suggestions(actor=request.user, taxonomy=taxonomy)
    messages.success(request, _("Suggestions are being prepared; they appear here when ready."))
    return _back(taxonomy)
