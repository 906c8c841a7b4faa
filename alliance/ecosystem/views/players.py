"""The secretariat's pages for players and their placements: the list, a non-member, one player with the
source and date of each value, and the placement editor with the technology-score breakdown."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from alliance.core.audit import action_label, history_of
from alliance.core.confirm import confirmation_gate
from alliance.core.permissions import permission_required
from alliance.core.versions import StaleEditError
from alliance.ecosystem import phrases, queries
from alliance.ecosystem.forms.players import PlacementForm, PlayerFilterForm, PlayerForm
from alliance.ecosystem.models import Placement, Player, Taxonomy, ValueSource
from alliance.ecosystem.scoring import score_breakdown
from alliance.ecosystem.services.placements import FIGURES, confirm_placement, confirm_placements, save_placement
from alliance.ecosystem.services.players import PLAYER_FIELDS, create_player, sync_member_players, update_player
from alliance.ecosystem.views.confirmations import placements_confirmation, sync_confirmation
from alliance.members.membership import current_members

PAGE_SIZE = 50
SOURCE_LABELS = dict(ValueSource.choices)


QUANTITIES = {"employees", "revenue", "patents", "certifications", "awards"}


def value_rows(record, names, form_fields) -> list[dict]:
    """(label, value, source label, date) per field, for showing where each value came from."""
    rows = []
    for name in names:
        source = record.sources.get(name) or {}
        rows.append(
            {
                "label": form_fields[name].label if name in form_fields else name,
                "value": getattr(record, name),
                "quantity": name in QUANTITIES,  # shown with thousands separators (a year or a code is not)
                "source": SOURCE_LABELS.get(source.get("source"), ""),
                "on": source.get("on", ""),
            }
        )
    return rows


@permission_required("ecosystem.manage_players")
def players(request, year: int):
    """Every player with this year's placement (or none), searchable, 50 a page."""
    taxonomy = get_object_or_404(Taxonomy, year=year)
    form = PlayerFilterForm(request.GET)
    values = form.values()
    listing = queries.players_with_placement(taxonomy, search=values["q"], member=values["member"])
    page = Paginator(listing, PAGE_SIZE).get_page(request.GET.get("page"))
    for player in page:
        player.placement = player.this_year[0] if player.this_year else None
    query_string = urlencode({key: value for key, value in values.items() if value})
    context = {"taxonomy": taxonomy, "form": form, "page": page, "query_string": query_string}
    return render(request, "ecosystem/manage/players.html", context)


@permission_required("ecosystem.manage_players")
def player_create(request):
    form = PlayerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            player = create_player(actor=request.user, data=form.cleaned_data)
        except ValidationError as error:
            form.add_error("name", error)
        else:
            messages.success(request, phrases.SAVED)
            return redirect("ecosystem:player_detail", pk=player.pk)
    return render(request, "ecosystem/manage/player_create.html", {"form": form})


@permission_required("ecosystem.manage_players")
def player_detail(request, pk: int):
    """One player: its values with their source and date, its placements per year, its history."""
    player = get_object_or_404(Player.objects.select_related("organisation"), pk=pk)
    form_kwargs = {"member": player.is_member}
    initial = {name: getattr(player, name) for name in PLAYER_FIELDS}
    form = PlayerForm(request.POST or None, initial=initial, version=player.version, **form_kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            update_player(
                actor=request.user, player=player, data=form.cleaned_data, expected_version=form.loaded_version
            )
        except StaleEditError as error:
            form.stale(error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, phrases.SAVED)
            return redirect("ecosystem:player_detail", pk=player.pk)
    history = list(history_of(player))
    for entry in history:
        entry.label = action_label(entry.action)
    context = {
        "player": player,
        "form": form,
        "rows": value_rows(player, PLAYER_FIELDS, PlayerForm().fields),
        "placements": list(player.placements.select_related("taxonomy", "primary").order_by("-taxonomy__year")),
        "years": list(Taxonomy.objects.values_list("year", flat=True)),
        "history": history,
    }
    return render(request, "ecosystem/manage/player.html", context)


@permission_required("ecosystem.manage_players")
def placement_edit(request, year: int, pk: int):
    """Place a player on `year`'s map, or change its placement; shows the score and each figure's source."""
    taxonomy = get_object_or_404(Taxonomy, year=year)
    player = get_object_or_404(Player, pk=pk)
    placement = (
        Placement.objects.filter(taxonomy=taxonomy, player=player)
        .select_related("confirmed_by")
        .prefetch_related("secondary", "technologies", "fields")
        .first()
    )
    inherited = {}
    if placement is not None:
        initial = {name: getattr(placement, name) for name in FIGURES} | {
            "primary": placement.primary_id,
            "secondary": list(placement.secondary.all()),
            "technologies": list(placement.technologies.all()),
            "application_fields": list(placement.fields.all()),
        }
    else:  # a new placement starts from the player's figures; unchanged, they keep its source and date
        inherited = queries.player_figures(player)
        initial = {name: figure["value"] for name, figure in inherited.items()}
    form = PlacementForm(
        request.POST or None,
        initial=initial,
        taxonomy=taxonomy,
        node_labels=queries.placeable_nodes(taxonomy),
        version=placement.version if placement else 0,
    )
    if request.method == "POST" and form.is_valid():
        try:
            save_placement(
                actor=request.user,
                player=player,
                taxonomy=taxonomy,
                primary=form.cleaned_data["primary"],
                secondary=list(form.cleaned_data["secondary"]),
                technologies=list(form.cleaned_data["technologies"]),
                fields=list(form.cleaned_data["application_fields"]),
                figures=form.figures(),
                expected_version=form.loaded_version,
            )
        except StaleEditError as error:
            form.stale(error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, phrases.SAVED)
            return redirect("ecosystem:placement_edit", year=year, pk=player.pk)
    context = {
        "taxonomy": taxonomy,
        "player": player,
        "placement": placement,
        "form": form,
        "breakdown": score_breakdown(placement) if placement else [],
        "figure_rows": value_rows(placement, FIGURES, form.fields) if placement else [],
        "inherited_rows": [
            {"label": form.fields[name].label, "source": SOURCE_LABELS.get(figure["source"], ""), "on": figure["on"]}
            for name, figure in inherited.items()
        ],
    }
    return render(request, "ecosystem/manage/placement.html", context)


@permission_required("ecosystem.manage_players")
@require_POST
def placement_confirm(request, pk: int):
    placement = get_object_or_404(Placement.objects.select_related("taxonomy"), pk=pk)
    confirm_placement(actor=request.user, placement=placement)
    messages.success(request, phrases.CONFIRMED)
    return redirect("ecosystem:placement_edit", year=placement.taxonomy.year, pk=placement.player_id)


@permission_required("ecosystem.manage_players")
@require_POST
def placements_confirm(request, year: int):
    """Confirm the drafts ticked on the players list (one service call), then back to the same list page."""
    taxonomy = get_object_or_404(Taxonomy, year=year)
    ids = [value for value in request.POST.getlist("placement") if value.isdigit()]
    if ids and (page := confirmation_gate(request, placements_confirmation(taxonomy, ids))) is not None:
        return page
    if not ids:
        messages.error(request, phrases.SELECT_DRAFTS)
    else:
        count = confirm_placements(actor=request.user, taxonomy=taxonomy, placement_ids=ids)
        messages.success(
            request,
            ngettext("%(count)s placement confirmed.", "%(count)s placements confirmed.", count) % {"count": count},
        )
    values = PlayerFilterForm(request.POST).values()
    page = request.POST.get("page", "")
    query = urlencode({key: value for key, value in {**values, "page": page}.items() if value and value != "1"})
    return redirect(reverse("ecosystem:players", args=[year]) + (f"?{query}" if query else ""))


@permission_required("ecosystem.manage_players")
@require_POST
def players_sync(request):
    """Bring every current member into the map's players (or refresh them) from the member registry."""
    members = list(current_members().prefetch_related("fields"))
    year = request.POST.get("year", "")
    back = (
        reverse("ecosystem:players", args=[int(year)])
        if year.isdigit() and Taxonomy.objects.filter(year=int(year)).exists()
        else reverse("ecosystem:manage")
    )
    if (page := confirmation_gate(request, sync_confirmation(members, back))) is not None:
        return page
    players = sync_member_players(actor=request.user, organisations=members)
    messages.success(request, phrases.MEMBERS_SYNCED % {"count": len(players)})
    return redirect(back)
