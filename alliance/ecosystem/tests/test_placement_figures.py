"""Where a placement's figures come from: a new placement starts from the player's own figures with their
source and date (bulk acceptance and the placement editor alike), and the registry keeps its figures current."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from alliance.core.models import AuditEntry
from alliance.ecosystem.landscape.grid import live_landscape
from alliance.ecosystem.models import Placement, PlacementSuggestion, Snapshot, ValueSource
from alliance.ecosystem.queries import player_figures
from alliance.ecosystem.services.placements import save_placement
from alliance.ecosystem.services.players import sync_member_players
from alliance.ecosystem.services.suggestions import accept_suggestions
from alliance.ecosystem.tests.factories import PlacementFactory, PlayerFactory, small_taxonomy
from alliance.members.models import Organisation

pytestmark = pytest.mark.django_db
REGISTRY_DAY = datetime.date(2026, 3, 2)
REGISTRY = {"source": "registry", "on": "2026-03-02"}


@pytest.fixture
def tree():
    return small_taxonomy(2026)


@pytest.fixture
def member(staff_user, organisation):
    Organisation.objects.filter(pk=organisation.pk).update(
        revenue_million=12_000, employees=40, last_confirmed_on=REGISTRY_DAY
    )
    organisation.refresh_from_db()
    (player,) = sync_member_players(actor=staff_user, organisations=[organisation])
    return player


def _suggest(player, tree):
    PlacementSuggestion.objects.create(
        player=player, taxonomy=tree["taxonomy"], kind="category", node=tree["software"], confidence=0.9
    )


def test_player_figures_carry_the_players_source_and_date(member):
    staff_player = PlayerFactory(
        revenue=None, employees=7, sources={"employees": {"source": "staff", "on": "2026-01-05"}}
    )

    assert player_figures(member) == {
        "revenue": {"value": 12_000, **REGISTRY},
        "employees": {"value": 40, **REGISTRY},
    }
    assert player_figures(staff_player) == {"employees": {"value": 7, "source": "staff", "on": "2026-01-05"}}


def test_accepting_a_suggestion_places_the_player_with_its_figures_and_their_sources(staff_user, tree, member):
    _suggest(member, tree)

    accept_suggestions(actor=staff_user, taxonomy=tree["taxonomy"], choices={member.pk: None})

    placement = Placement.objects.get(player=member)
    assert (placement.revenue, placement.employees, placement.status) == (12_000, 40, Placement.Status.CONFIRMED)
    assert placement.sources == {"revenue": REGISTRY, "employees": REGISTRY}
    tile = live_landscape(tree["taxonomy"]).tiles[0]
    assert (tile.name, tile.band) == ("주식회사 젠", 3)  # ₩10–100 billion, not "not disclosed"


def test_accepting_a_suggestion_keeps_an_existing_drafts_figures(staff_user, tree, member):
    PlacementFactory(player=member, primary=tree["cloud"], revenue=900, employees=None)
    _suggest(member, tree)

    accept_suggestions(actor=staff_user, taxonomy=tree["taxonomy"], choices={member.pk: None})

    placement = Placement.objects.get(player=member)
    assert (placement.primary, placement.revenue, placement.employees) == (tree["software"], 900, None)


def test_placement_editor_prefills_the_same_figures_and_keeps_their_source_when_unchanged(
    client, staff_user, tree, member
):
    client.force_login(staff_user)
    url = reverse("ecosystem:placement_edit", args=[2026, member.pk])

    page = client.get(url)
    client.post(url, {"primary": tree["software"].pk, "revenue": "12000", "employees": "41"})

    assert (page.context["form"].initial["revenue"], page.context["form"].initial["employees"]) == (12_000, 40)
    assert f": {ValueSource.REGISTRY.label} · 2026-03-02;" in page.content.decode()
    placement = Placement.objects.get(player=member)
    today = timezone.localdate().isoformat()
    assert (placement.sources["revenue"], placement.sources["employees"]) == (
        REGISTRY,
        {"source": "staff", "on": today},
    )


def test_sync_refreshes_registry_sourced_figures_and_keeps_the_others(staff_user, tree, member, organisation):
    placement = save_placement(
        actor=staff_user,
        player=member,
        taxonomy=tree["taxonomy"],
        primary=tree["software"],
        figures={"revenue": 12_000, "employees": 55},  # employees: a staff correction
    )
    Placement.objects.filter(pk=placement.pk).update(status=Placement.Status.CONFIRMED, confirmed_at=timezone.now())
    Organisation.objects.filter(pk=organisation.pk).update(
        revenue_million=15_000, employees=44, last_confirmed_on=datetime.date(2026, 6, 1)
    )
    organisation.refresh_from_db()

    sync_member_players(actor=staff_user, organisations=[organisation])

    placement.refresh_from_db()
    assert (placement.revenue, placement.employees, placement.status) == (15_000, 55, Placement.Status.CONFIRMED)
    assert placement.sources["revenue"] == {"source": "registry", "on": "2026-06-01"}
    assert placement.sources["employees"]["source"] == "staff"
    entry = AuditEntry.objects.get(action="ecosystem.placement.refreshed")
    assert (entry.target_id, entry.before, entry.after) == (str(placement.pk), {"revenue": 12_000}, {"revenue": 15_000})


def test_sync_fills_an_empty_unsourced_figure_and_leaves_published_years(staff_user, member, organisation):
    old = small_taxonomy(2025)
    frozen = PlacementFactory(player=member, primary=old["software"], revenue=None, employees=None)
    Snapshot(year=2025, slug="2025", taxonomy=old["taxonomy"], published_at=timezone.now(), data={}).save()
    tree = small_taxonomy(2026)
    draft = PlacementFactory(player=member, primary=tree["software"], revenue=None, employees=None)
    Organisation.objects.filter(pk=organisation.pk).update(revenue_million=13_000)
    organisation.refresh_from_db()

    sync_member_players(actor=staff_user, organisations=[organisation])

    draft.refresh_from_db()
    frozen.refresh_from_db()
    assert (draft.revenue, draft.employees, draft.sources["revenue"]["source"]) == (13_000, 40, "registry")
    assert (frozen.revenue, frozen.employees) == (None, None)
