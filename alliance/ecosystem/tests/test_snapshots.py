"""Snapshots: what freezing captures, immutability, comparison, the public pages, the JSON API, the command."""

import json
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from alliance.ecosystem.models import Placement, Snapshot, SnapshotImmutableError
from alliance.ecosystem.queries import build_snapshot_data
from alliance.ecosystem.services.placements import save_placement
from alliance.ecosystem.services.snapshots import compare_snapshots, freeze_snapshot
from alliance.ecosystem.services.taxonomy import copy_taxonomy, update_node
from alliance.ecosystem.tests.factories import PlacementFactory, PlayerFactory, small_taxonomy
from alliance.members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
CONFIRMED = Placement.Status.CONFIRMED


def test_freeze_snapshot_holds_confirmed_placements_by_path(staff_user):
    tree = small_taxonomy(2025)
    kept = PlacementFactory(
        player=PlayerFactory(name="가나다"),
        primary=tree["xr"],
        status=CONFIRMED,
        technologies=[tree["twin"]],
        patents=4,
    )
    PlacementFactory(player=PlayerFactory(name="초안기업"), primary=tree["cloud"])

    snapshot = freeze_snapshot(actor=staff_user, year=2025)

    assert [player["name"] for player in snapshot.data["players"]] == ["가나다"]
    assert snapshot.data["placements"] == [
        {
            "player": kept.player_id,
            "category": ["핵심산업 영역", "기반 부문", "하드웨어", "XR 디바이스"],
            "secondary": [],
            "technologies": ["디지털트윈"],
            "fields": [],
            "revenue": 1500,
            "employees": 20,
            "patents": 4,
            "rd_staff_share": None,
            "certifications": None,
            "awards": None,
            "technology_score": 0.0,
        }
    ]
    assert [node["path"] for node in snapshot.data["categories"]][:3] == [
        ["핵심산업 영역"],
        ["핵심산업 영역", "기반 부문"],
        ["핵심산업 영역", "기반 부문", "하드웨어"],
    ]
    assert snapshot.slug == "2025"


def test_snapshot_cannot_be_saved_again_updated_or_deleted(staff_user):
    small_taxonomy(2025)
    snapshot = freeze_snapshot(actor=staff_user, year=2025)

    snapshot.data = {"tampered": True}
    with pytest.raises(SnapshotImmutableError):
        snapshot.save()
    with pytest.raises(SnapshotImmutableError):
        snapshot.delete()
    with pytest.raises(SnapshotImmutableError):
        Snapshot.objects.filter(pk=snapshot.pk).update(data={})
    with pytest.raises(SnapshotImmutableError):
        Snapshot.objects.all().delete()

    assert Snapshot.objects.get(pk=snapshot.pk).data["year"] == 2025


def test_freeze_snapshot_twice_is_refused(staff_user):
    small_taxonomy(2025)
    freeze_snapshot(actor=staff_user, year=2025)

    with pytest.raises(ValidationError):
        freeze_snapshot(actor=staff_user, year=2025)
    assert Snapshot.objects.count() == 1


def test_snapshot_does_not_follow_later_edits_of_the_draft(staff_user):
    tree = small_taxonomy(2025)
    PlacementFactory(primary=tree["cloud"], status=CONFIRMED)
    snapshot = freeze_snapshot(actor=staff_user, year=2025)

    update_node(actor=staff_user, node=tree["cloud"], name="클라우드·엣지")

    stored = Snapshot.objects.get(pk=snapshot.pk).data
    assert stored["placements"][0]["category"] == ["핵심산업 영역", "인프라", "클라우드"]


def test_compare_snapshots_finds_entered_left_moved_and_grew(staff_user):
    tree = small_taxonomy(2025)
    stays = PlayerFactory(name="그대로", revenue=100, employees=10)
    mover = PlayerFactory(name="이동", revenue=100, employees=10)
    grower = PlayerFactory(name="성장", revenue=100, employees=10)
    leaver = PlayerFactory(name="퇴장")
    for player, node in ((stays, tree["xr"]), (mover, tree["xr"]), (grower, tree["cloud"]), (leaver, tree["cloud"])):
        PlacementFactory(player=player, primary=node, status=CONFIRMED)
    older = freeze_snapshot(actor=staff_user, year=2025)
    newer_tree = copy_taxonomy(actor=staff_user, source=tree["taxonomy"], year=2026, with_placements=True)
    Placement.objects.filter(taxonomy=newer_tree).update(status=CONFIRMED)
    Placement.objects.filter(taxonomy=newer_tree, player=leaver).delete()
    software = newer_tree.nodes.get(name="소프트웨어")
    save_placement(actor=staff_user, player=mover, taxonomy=newer_tree, primary=software)
    Placement.objects.filter(taxonomy=newer_tree, player=grower).update(revenue=250)
    entrant = PlayerFactory(name="신규")
    PlacementFactory(player=entrant, primary=software, status=CONFIRMED)
    Placement.objects.filter(taxonomy=newer_tree).update(status=CONFIRMED)
    newer = freeze_snapshot(actor=staff_user, year=2026)

    result = compare_snapshots(older.data, newer.data)

    assert result == {
        "entered": [{"id": entrant.pk, "name": "신규", "category": ["핵심산업 영역", "기반 부문", "소프트웨어"]}],
        "left": [{"id": leaver.pk, "name": "퇴장", "category": ["핵심산업 영역", "인프라", "클라우드"]}],
        "moved": [
            {
                "id": mover.pk,
                "name": "이동",
                "from": ["핵심산업 영역", "기반 부문", "하드웨어", "XR 디바이스"],
                "to": ["핵심산업 영역", "기반 부문", "소프트웨어"],
            }
        ],
        "grew": [{"id": grower.pk, "name": "성장", "revenue": [100, 250], "employees": [10, 10], "grown": ["revenue"]}],
    }


def test_compare_snapshot_with_itself_is_empty(staff_user):
    tree = small_taxonomy(2025)
    PlacementFactory(primary=tree["xr"], status=CONFIRMED)
    data = freeze_snapshot(actor=staff_user, year=2025).data

    assert compare_snapshots(data, data) == {"entered": [], "left": [], "moved": [], "grew": []}


def test_compare_page_defaults_to_snapshot_against_current_map(client, staff_user):
    tree = small_taxonomy(2025)
    PlacementFactory(primary=tree["xr"], status=CONFIRMED)
    freeze_snapshot(actor=staff_user, year=2025)
    newer = small_taxonomy(2026)
    PlacementFactory(player=PlayerFactory(name="신규"), primary=newer["cloud"], status=CONFIRMED)

    response = client.get(reverse("ecosystem:snapshot_compare"))

    assert (response.context["older_key"], response.context["newer_key"]) == ("2025", "live-2026")
    assert [row["name"] for row in response.context["result"]["entered"]] == ["신규"]
    assert len(response.context["result"]["left"]) == 1


def test_snapshot_page_groups_players_by_category(client, staff_user):
    tree = small_taxonomy(2025)
    PlacementFactory(player=PlayerFactory(name="엑스알"), primary=tree["xr"], status=CONFIRMED)
    freeze_snapshot(actor=staff_user, year=2025)

    response = client.get(reverse("ecosystem:snapshot", args=["2025"]))

    hardware = response.context["domains"][0]["layers"][0]["categories"][0]
    assert hardware == {"name": "하드웨어", "players": ["엑스알"]}


def test_snapshot_api_publishes_revenue_band_and_score_but_no_exact_figures(client, staff_user):
    tree = small_taxonomy(2025)
    member = OrganisationFactory(name="주식회사 젠", category="small")
    player = PlayerFactory(
        name="주식회사 젠", organisation=member, revenue=25_000, logo="ecosystem/logos/" + "d" * 64 + ".png"
    )
    PlacementFactory(
        player=player,
        primary=tree["xr"],
        status=CONFIRMED,
        technologies=[tree["twin"]],
        revenue=25_000,
        employees=35,
        patents=4,
        rd_staff_share=30.0,
        certifications=1,
        awards=2,
        technology_score=41.5,
    )
    freeze_snapshot(actor=staff_user, year=2025)

    response = client.get(reverse("ecosystem:snapshot_api", args=["2025"]))

    document = json.loads(response.getvalue())
    assert list(document) == [
        "format",
        "year",
        "slug",
        "published_at",
        "revenue_bands",
        "categories",
        "technologies",
        "fields",
        "players",
        "placements",
    ]
    assert (document["format"], document["year"], response["Access-Control-Allow-Origin"]) == (2, 2025, "*")
    assert document["revenue_bands"][3] == {"key": "10b-100b", "min": 10_000, "max": 99_999}
    assert document["players"] == [
        {
            "id": player.pk,
            "name": "주식회사 젠",
            "member": True,
            "member_category": "small",
            "region": "서울",
            "homepage": "",
            "founded_year": 2018,
            "description": "메타버스 플랫폼을 개발하는 기업입니다.",
            "logo": "/ecosystem/logos/" + "d" * 64 + ".png",
        }
    ]
    assert document["placements"] == [
        {
            "player": player.pk,
            "category": ["핵심산업 영역", "기반 부문", "하드웨어", "XR 디바이스"],
            "secondary": [],
            "technologies": ["디지털트윈"],
            "fields": [],
            "revenue_band": "10b-100b",
            "technology_score": 41.5,
        }
    ]
    for figure in ("25000", "employees", "patents", "rd_staff_share", "certifications", "awards"):
        assert figure not in response.getvalue().decode()


def test_snapshot_api_of_an_older_snapshot_fills_missing_keys_with_null(client, staff_user):
    tree = small_taxonomy(2025)
    PlacementFactory(player=PlayerFactory(name="예전"), primary=tree["cloud"], status=CONFIRMED, revenue=None)
    data = build_snapshot_data(tree["taxonomy"])
    for player in data["players"]:
        del player["member_category"], player["logo"]
    Snapshot(year=2025, slug="2025", taxonomy=tree["taxonomy"], published_at=timezone.now(), data=data).save()

    document = json.loads(client.get(reverse("ecosystem:snapshot_api", args=["2025"])).getvalue())

    assert (document["players"][0]["member_category"], document["players"][0]["logo"]) == (None, None)
    assert document["placements"][0]["revenue_band"] == "unknown"


def test_snapshot_api_unknown_slug_is_404(client):
    assert client.get(reverse("ecosystem:snapshot_api", args=["1999"])).status_code == 404


def test_ecosystem_snapshot_command_prints_categories_with_players(staff_user):
    tree = small_taxonomy(2026)
    PlacementFactory(player=PlayerFactory(name="나중"), primary=tree["xr"], status=CONFIRMED)
    PlacementFactory(player=PlayerFactory(name="가장"), primary=tree["hardware"], status=CONFIRMED)
    PlacementFactory(player=PlayerFactory(name="초안"), primary=tree["cloud"])
    out = StringIO()

    call_command("ecosystem_snapshot", "--year", "2026", "--format", "json", stdout=out)

    assert json.loads(out.getvalue()) == {
        "year": 2026,
        "categories": [
            {"path": ["핵심산업 영역", "기반 부문", "하드웨어"], "players": ["가장"]},
            {"path": ["핵심산업 영역", "기반 부문", "하드웨어", "XR 디바이스"], "players": ["나중"]},
            {"path": ["핵심산업 영역", "기반 부문", "하드웨어", "센서"], "players": []},
            {"path": ["핵심산업 영역", "기반 부문", "소프트웨어"], "players": []},
            {"path": ["핵심산업 영역", "인프라", "클라우드"], "players": []},
            {"path": ["전방연관 영역", "1차", "교육"], "players": []},
        ],
    }


def test_ecosystem_snapshot_command_lists_each_player_on_its_subcategory_and_every_secondary_node(staff_user):
    tree = small_taxonomy(2026)
    PlacementFactory(
        player=PlayerFactory(name="여럿"),
        primary=tree["sensor"],
        secondary=[tree["xr"], tree["cloud"]],
        status=CONFIRMED,
    )
    out = StringIO()

    call_command("ecosystem_snapshot", "--year", "2026", "--format", "json", stdout=out)

    listed = {tuple(row["path"][2:]): row["players"] for row in json.loads(out.getvalue())["categories"]}
    assert listed == {
        ("하드웨어",): [],
        ("하드웨어", "XR 디바이스"): ["여럿"],
        ("하드웨어", "센서"): ["여럿"],
        ("소프트웨어",): [],
        ("클라우드",): ["여럿"],
        ("교육",): [],
    }


def test_ecosystem_snapshot_command_reads_frozen_snapshot_when_published(staff_user):
    tree = small_taxonomy(2025)
    PlacementFactory(player=PlayerFactory(name="동결"), primary=tree["cloud"], status=CONFIRMED)
    freeze_snapshot(actor=staff_user, year=2025)
    PlacementFactory(player=PlayerFactory(name="나중에 추가"), primary=tree["cloud"], status=CONFIRMED)
    out = StringIO()

    call_command("ecosystem_snapshot", "--year", "2025", "--format", "json", stdout=out)

    cloud = json.loads(out.getvalue())["categories"][4]
    assert cloud == {"path": ["핵심산업 영역", "인프라", "클라우드"], "players": ["동결"]}


def test_freeze_page_publishes_year(client, staff_user):
    small_taxonomy(2025)
    client.force_login(staff_user)

    response = client.post(reverse("ecosystem:snapshot_freeze", args=[2025]))

    assert response["Location"] == reverse("ecosystem:snapshot", args=["2025"])
    assert Snapshot.objects.get().year == 2025


def test_snapshot_api_index_lists_published_snapshots_newest_first(client, staff_user):
    for year in (2024, 2025):
        small_taxonomy(year)
        freeze_snapshot(actor=staff_user, year=year)

    document = json.loads(client.get(reverse("ecosystem:snapshot_api_index")).content)

    assert [(row["year"], row["url"]) for row in document["snapshots"]] == [
        (2025, "/api/ecosystem/snapshots/2025.json"),
        (2024, "/api/ecosystem/snapshots/2024.json"),
    ]
