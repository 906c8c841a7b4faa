"""Players and placements: services (sources and dates, registry values for members) and staff pages."""

import datetime
import json
from io import StringIO

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from alliance.core.models import AuditEntry
from alliance.core.tests.confirming import post_confirmed
from alliance.ecosystem.models import Placement, Player
from alliance.ecosystem.services.placements import confirm_placement, save_placement
from alliance.ecosystem.services.players import create_player, sync_member_players, update_player
from alliance.ecosystem.tests.factories import PlacementFactory, PlayerFactory, small_taxonomy
from alliance.members.models import Organisation
from alliance.members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 3, 2)


def test_create_player_stamps_each_given_value_with_source_and_date(staff_user):
    player = create_player(
        actor=staff_user, data={"name": "주식회사 가상", "employees": 12, "homepage": ""}, source="staff", on=DAY
    )

    assert player.sources == {
        "name": {"source": "staff", "on": "2026-03-02"},
        "employees": {"source": "staff", "on": "2026-03-02"},
    }
    assert AuditEntry.objects.filter(action="ecosystem.player.created", target_id=str(player.pk)).count() == 1


def test_create_player_with_existing_name_spaced_differently_is_refused(staff_user):
    create_player(actor=staff_user, data={"name": "가상 기업"})

    with pytest.raises(ValidationError) as error:
        create_player(actor=staff_user, data={"name": "가상기업"})

    assert error.value.code == "player_exists"


def test_update_player_restamps_only_changed_values(staff_user):
    player = create_player(actor=staff_user, data={"name": "가상", "employees": 12, "revenue": 300}, on=DAY)

    update_player(
        actor=staff_user,
        player=player,
        data={"employees": 15, "revenue": 300},
        source="survey",
        on=datetime.date(2026, 5, 1),
    )

    assert player.sources["employees"] == {"source": "survey", "on": "2026-05-01"}
    assert player.sources["revenue"] == {"source": "staff", "on": "2026-03-02"}


def test_sync_member_players_copies_registry_values_with_registry_source(staff_user, organisation):
    Organisation.objects.filter(pk=organisation.pk).update(employees=40, last_confirmed_on=DAY)
    organisation.refresh_from_db()

    (player,) = sync_member_players(actor=staff_user, organisations=[organisation])

    assert (player.name, player.employees, player.region, player.organisation_id) == (
        "주식회사 젠",
        40,
        "서울",
        organisation.pk,
    )
    assert player.sources["employees"] == {"source": "registry", "on": "2026-03-02"}
    assert player.business_fields == "디지털트윈, 메타버스"


def test_update_member_registry_value_is_refused(staff_user, organisation):
    (player,) = sync_member_players(actor=staff_user, organisations=[organisation])

    with pytest.raises(ValidationError):
        update_player(actor=staff_user, player=player, data={"name": "다른 이름"})


def test_save_placement_computes_score_and_stamps_figures(staff_user):
    tree = small_taxonomy()
    player = PlayerFactory()

    placement = save_placement(
        actor=staff_user,
        player=player,
        taxonomy=tree["taxonomy"],
        primary=tree["xr"],
        secondary=[tree["xr"], tree["cloud"]],
        technologies=[tree["twin"]],
        figures={"patents": 10, "rd_staff_share": 25, "certifications": 1, "awards": 2},
        source="survey",
        on=DAY,
    )

    assert (placement.technology_score, placement.status) == (42.5, "draft")
    assert [node.name for node in placement.secondary.all()] == ["클라우드"]
    assert placement.sources["patents"] == {"source": "survey", "on": "2026-03-02"}
    assert set(placement.sources) == {"patents", "rd_staff_share", "certifications", "awards"}


def test_save_placement_on_layer_is_refused(staff_user):
    tree = small_taxonomy()

    with pytest.raises(ValidationError) as error:
        save_placement(actor=staff_user, player=PlayerFactory(), taxonomy=tree["taxonomy"], primary=tree["base"])

    assert error.value.code == "not_placeable"


def test_save_placement_with_other_years_technology_is_refused(staff_user):
    tree = small_taxonomy(2026)
    other = small_taxonomy(2025)

    with pytest.raises(ValidationError) as error:
        save_placement(
            actor=staff_user,
            player=PlayerFactory(),
            taxonomy=tree["taxonomy"],
            primary=tree["xr"],
            technologies=[other["twin"]],
        )

    assert error.value.code == "other_taxonomy"
    assert Placement.objects.count() == 0


def test_confirm_then_change_returns_placement_to_draft(staff_user):
    tree = small_taxonomy()
    placement = save_placement(actor=staff_user, player=PlayerFactory(), taxonomy=tree["taxonomy"], primary=tree["xr"])

    confirm_placement(actor=staff_user, placement=placement)
    placement.refresh_from_db()
    assert (placement.status, placement.confirmed_by) == ("confirmed", staff_user)
    assert AuditEntry.objects.filter(action="ecosystem.placement.confirmed").count() == 1

    placement = save_placement(
        actor=staff_user, player=placement.player, taxonomy=tree["taxonomy"], primary=tree["cloud"]
    )
    assert placement.status == "draft"


def test_players_page_queries_do_not_grow_with_players(client, staff_user):
    tree = small_taxonomy()
    client.force_login(staff_user)
    PlacementFactory(primary=tree["xr"])
    url = reverse("ecosystem:players", args=[2026])
    client.get(url)

    with CaptureQueriesContext(connection) as one:
        response = client.get(url)
    assert len(response.context["page"]) == 1
    PlacementFactory(primary=tree["cloud"])
    PlayerFactory()
    with CaptureQueriesContext(connection) as three:
        response = client.get(url)

    assert len(response.context["page"]) == 3
    assert len(three) == len(one)


def test_placement_page_saves_placement(client, staff_user):
    tree = small_taxonomy()
    player = PlayerFactory()
    client.force_login(staff_user)

    response = client.post(
        reverse("ecosystem:placement_edit", args=[2026, player.pk]),
        {"primary": tree["sensor"].pk, "technologies": [tree["twin"].pk], "patents": "3", "employees": "9"},
    )

    assert response.status_code == 302
    placement = Placement.objects.get(player=player)
    assert (placement.primary, placement.patents, placement.employees) == (tree["sensor"], 3, 9)
    assert [t.name for t in placement.technologies.all()] == ["디지털트윈"]


def test_player_create_page_creates_non_member(client, staff_user):
    client.force_login(staff_user)

    response = client.post(reverse("ecosystem:player_create"), {"name": "주식회사 새기업", "region": "부산"})

    player = Player.objects.get(name="주식회사 새기업")
    assert response["Location"] == reverse("ecosystem:player_detail", args=[player.pk])
    assert (player.region, player.organisation) == ("부산", None)


def test_players_sync_brings_current_members_in_once(client, staff_user, organisation):
    withdrawn = OrganisationFactory(name="탈퇴기업")
    Organisation.objects.filter(pk=withdrawn.pk).update(withdrawn_on=datetime.date(2025, 1, 2))
    small_taxonomy()
    client.force_login(staff_user)

    first = client.post(reverse("ecosystem:players_sync"), {"year": "2026"})
    assert (first.status_code, Player.objects.count()) == (200, 0)
    response = post_confirmed(client, reverse("ecosystem:players_sync"), {"year": "2026"})
    again = client.post(reverse("ecosystem:players_sync"), {"year": "2026"})

    assert response["Location"] == reverse("ecosystem:players", args=[2026])
    assert 'name="confirmed"' not in again.content.decode()
    assert list(Player.objects.values_list("name", "organisation_id")) == [("주식회사 젠", organisation.pk)]


def test_sync_map_players_command_prints_count(organisation):
    out = StringIO()

    call_command("sync_map_players", "--format", "json", stdout=out)

    assert json.loads(out.getvalue()) == {"players": 1}


@pytest.mark.parametrize("language", ["ko", "en"])
def test_player_page_groups_quantities_and_never_a_year(client, staff_user, language):
    player = PlayerFactory(revenue=12345, employees=1139, founded_year=2018, ksic_code="58221")
    client.force_login(staff_user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language

    page = client.get(reverse("ecosystem:player_detail", args=[player.pk])).content.decode()

    cells = ["<td>12,345</td>", "<td>1,139</td>", "<td>2018</td>", "<td>58221</td>", "2,018", "58,221"]
    assert [cell in page for cell in cells] == [True, True, True, True, False, False]
