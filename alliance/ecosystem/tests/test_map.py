"""The public map: landscape boxes and tiles, filters with counts, search, cards, chart and statistics."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from alliance.ecosystem.landscape.filters import apply_filters
from alliance.ecosystem.landscape.grid import REVENUE_BANDS, live_landscape, revenue_band
from alliance.ecosystem.models import Placement
from alliance.ecosystem.tests.factories import PlacementFactory, PlayerFactory, small_taxonomy
from alliance.members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _place(tree, node, name, *, region="서울", revenue=1500, technologies=(), fields=(), organisation=None, **extra):
    player = PlayerFactory(name=name, region=region, revenue=revenue, organisation=organisation, **extra)
    return PlacementFactory(
        player=player,
        taxonomy=tree["taxonomy"],
        primary=node,
        revenue=revenue,
        status=Placement.Status.CONFIRMED,
        technologies=list(technologies),
        fields=list(fields),
    )


@pytest.fixture
def tree():
    tree = small_taxonomy(2026)
    member = OrganisationFactory(name="주식회사 젠", category="small", sido="경기")
    _place(
        tree,
        tree["xr"],
        "주식회사 젠",
        region="경기",
        revenue=25_000,
        technologies=[tree["twin"]],
        fields=[tree["training"]],
        organisation=member,
        description="디지털트윈 전문 기업",
        homepage="https://zen.example.kr",
    )
    _place(tree, tree["software"], "렌더랩", revenue=500, technologies=[tree["rendering"]])
    _place(tree, tree["cloud"], "구름컴퓨팅", region="부산", revenue=None, fields=[tree["manufacturing"]])
    draft = PlacementFactory(
        player=PlayerFactory(name="초안기업"), taxonomy=tree["taxonomy"], primary=tree["education"]
    )
    tree["draft"] = draft
    tree["member"] = member
    return tree


def test_revenue_band_edges():
    assert [revenue_band(value) for value in (None, 0, 999, 1_000, 9_999, 10_000, 100_000)] == [0, 1, 1, 2, 2, 3, 4]


def test_live_landscape_groups_confirmed_players_by_category(tree):
    land = live_landscape(tree["taxonomy"])

    boxes = {box.name: [tile.name for tile in box.tiles] for box in land.boxes}

    # XR 디바이스 is a subcategory: its player sits in the 하드웨어 box; the draft placement is not shown.
    assert boxes == {"하드웨어": ["주식회사 젠"], "소프트웨어": ["렌더랩"], "클라우드": ["구름컴퓨팅"], "교육": []}


def test_live_landscape_queries_constant(tree, django_assert_num_queries):
    with django_assert_num_queries(9):  # built
        live_landscape(tree["taxonomy"])
    _place(tree, tree["cloud"], "추가기업", technologies=[tree["twin"], tree["rendering"]])
    with django_assert_num_queries(9):  # rebuilt: a placement was added
        live_landscape(tree["taxonomy"])
    with django_assert_num_queries(6):  # unchanged: the built landscape is reused
        live_landscape(tree["taxonomy"])


def test_live_landscape_rebuilt_after_technology_change(tree):
    placement = Placement.objects.get(player__name="렌더랩")
    live_landscape(tree["taxonomy"])

    placement.technologies.set([tree["twin"]])
    tile = next(tile for tile in live_landscape(tree["taxonomy"]).tiles if tile.name == "렌더랩")

    assert f"t{tree['twin'].pk}" in tile.tokens
    assert f"t{tree['rendering'].pk}" not in tile.tokens


def test_apply_filters_counts_options_under_other_filters(tree):
    land = live_landscape(tree["taxonomy"])

    filtered = apply_filters(land, {"region": "서울"})
    options = {facet.name: {o.value: o.count for o in facet.options if o.count} for facet in filtered.facets}

    assert filtered.count == 1
    # Region counts ignore the region filter itself; the others count within 서울.
    assert options["region"] == {"서울": 1, "경기": 1, "부산": 1}
    assert options["member"] == {"no": 1}
    assert options["technology"] == {str(tree["rendering"].pk): 1}


def test_apply_filters_search_ignores_corporate_form_and_spacing(tree):
    land = live_landscape(tree["taxonomy"])

    filtered = apply_filters(land, {}, "(주) 젠")

    assert [tile.name for tile in land.tiles if tile.pk in filtered.visible] == ["주식회사 젠"]


def test_landscape_page_filters_from_url(client, tree):
    url = reverse("ecosystem:landscape", args=[2026])

    response = client.get(url, {"technology": tree["twin"].pk})
    html = response.content.decode()

    assert response.status_code == 200
    assert html.count('<a class="t ') == 3
    hidden = re.findall(r'<a class="t [^>]*hidden>([^<]*)</a>', html)

    assert sorted(hidden) == ["구름컴퓨팅", "렌더랩"]  # in the page, hidden until the filter changes
    assert response.context["filtered"].count == 1


def test_landscape_page_queries_constant(client, tree, django_assert_max_num_queries):
    url = reverse("ecosystem:landscape", args=[2026])
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for index in range(5):
        _place(tree, tree["software"], f"추가기업{index}", technologies=[tree["twin"]])
    with CaptureQueriesContext(connection) as many:
        client.get(url)

    assert len(many) == len(few)


def test_landscape_unknown_year_404(client, tree):
    assert client.get(reverse("ecosystem:landscape", args=[1999])).status_code == 404


def test_landscape_search_json_returns_matching_ids(client, tree):
    response = client.get(reverse("ecosystem:landscape_search", args=[2026]), {"q": "젠 주식회사"})

    zen = tree["member"].ecosystem_player
    assert response.json() == {"ids": [zen.pk]}


def test_player_card_shows_placement_without_contacts(client, tree):
    zen = tree["member"].ecosystem_player
    tree["member"].contacts.create(name="홍길동", email="hong@zen.example.kr", phone="010-1234-5678")

    response = client.get(reverse("ecosystem:player_card", args=[2026, zen.pk]))
    card, html = response.context["card"], response.content.decode()

    assert card.path == ["핵심산업 영역", "기반 부문", "하드웨어", "XR 디바이스"]
    assert (card.technologies, card.fields) == (["디지털트윈"], ["교육·훈련"])
    assert card.band_label == str(REVENUE_BANDS[3][1])
    assert 'href="https://zen.example.kr"' in html
    assert f'href="{reverse("members:company", args=["주식회사 젠"])}"' in html
    assert "hong@zen.example.kr" not in html
    assert "010-1234-5678" not in html
    assert "홍길동" not in html


def test_player_card_of_draft_placement_404(client, tree):
    response = client.get(reverse("ecosystem:player_card", args=[2026, tree["draft"].player_id]))

    assert response.status_code == 404


def test_player_card_partial_for_htmx(client, tree):
    zen = tree["member"].ecosystem_player

    html = client.get(reverse("ecosystem:player_card", args=[2026, zen.pk]), HTTP_HX_REQUEST="true").content.decode()

    assert html.lstrip().startswith('<article class="card eco-card"')


def test_chart_page_labels_key_players_and_counts_undrawn(client, tree):
    response = client.get(reverse("ecosystem:chart", args=[2026]))
    html = response.content.decode()

    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html
    assert ">주식회사 젠</text>" in html
    assert response.context["data"].not_drawn == 1


def test_chart_unknown_category_404(client, tree):
    assert client.get(reverse("ecosystem:chart", args=[2026]), {"category": 999999}).status_code == 404


def test_statistics_page_counts_regions_and_layers(client, tree, staff_user):
    client.force_login(staff_user)  # every total (the public's: test_statistics_totals.py)
    response = client.get(reverse("ecosystem:statistics", args=[2026]))
    regions = {row.key: row.count for row in response.context["regions"]}
    categories = {row.label: (row.count, row.revenue.value) for row in response.context["categories"]}

    assert (regions["서울"], regions["경기"], regions["부산"], regions["계"]) == (1, 1, 1, 3)
    assert categories["하드웨어"] == (1, 25_000)
    assert response.context["categories"][-1].count == 3
    assert response.context["categories"][-1].revenue.value == 25_500
    assert 'data-sido="부산"' in response.content.decode()


def test_statistics_show_revenue_in_the_units_people_say(client, tree, staff_user):
    """Not 25,500 (백만원) but 255억원, as the chart's labels say it."""
    client.force_login(staff_user)
    html = client.get(reverse("ecosystem:statistics", args=[2026])).content.decode()

    assert '<td class="num">255억원</td>' in html
    assert "25,500" not in html


def test_statistics_regions_follow_the_member_statistics_order(client, tree):
    response = client.get(reverse("ecosystem:statistics", args=[2026]))

    assert [row.key for row in response.context["regions"]][:4] == ["서울", "경기", "인천", "부산"]


def test_published_version_shows_the_frozen_map(client, tree, staff_user):
    from alliance.ecosystem.services.snapshots import freeze_snapshot

    freeze_snapshot(actor=staff_user, year=2026)
    _place(tree, tree["cloud"], "늦게온기업", technologies=[tree["twin"]])
    url = reverse("ecosystem:landscape", args=[2026])

    current = client.get(url)
    published = client.get(url, {"version": "published", "technology": 1})  # the snapshot numbers technologies

    assert sorted(tile.name for tile in current.context["landscape"].tiles) == [
        "구름컴퓨팅", "늦게온기업", "렌더랩", "주식회사 젠",
    ]  # fmt: skip
    frozen = published.context["landscape"]
    assert frozen.frozen is True
    assert sorted(tile.name for tile in frozen.tiles) == ["구름컴퓨팅", "렌더랩", "주식회사 젠"]
    shown = [tile.name for tile in frozen.tiles if tile.pk in published.context["filtered"].visible]
    assert shown == ["주식회사 젠"]  # 디지털트윈 is technology 1 of the snapshot


def test_published_card_comes_from_the_snapshot(client, tree, staff_user):
    from alliance.ecosystem.services.snapshots import freeze_snapshot

    freeze_snapshot(actor=staff_user, year=2026)
    zen = tree["member"].ecosystem_player
    zen.description = "나중에 바뀐 소개"
    zen.save()

    response = client.get(reverse("ecosystem:player_card", args=[2026, zen.pk]), {"version": "published"})

    assert response.context["card"].description == "디지털트윈 전문 기업"
    assert response.context["card"].path == ["핵심산업 영역", "기반 부문", "하드웨어", "XR 디바이스"]


LOGO_NAME = "c" * 64 + ".svg"


def test_published_map_filters_by_member_category_and_shows_logos(client, tree, staff_user):
    from alliance.ecosystem.services.snapshots import freeze_snapshot

    zen = tree["member"].ecosystem_player
    zen.logo.name = "ecosystem/logos/" + LOGO_NAME
    zen.save()
    freeze_snapshot(actor=staff_user, year=2026)
    url = reverse("ecosystem:landscape", args=[2026])

    response = client.get(url, {"version": "published", "category": "small"})

    filtered = response.context["filtered"]
    assert [tile.name for tile in filtered.landscape.tiles if tile.pk in filtered.visible] == ["주식회사 젠"]
    categories = next(facet for facet in filtered.facets if facet.name == "category")
    assert [(option.value, option.count) for option in categories.options if option.count] == [("small", 1)]
    assert f'<img src="/ecosystem/logos/{LOGO_NAME}" alt="주식회사 젠"' in response.content.decode()
    card = client.get(reverse("ecosystem:player_card", args=[2026, zen.pk]), {"version": "published"})
    assert card.context["card"].logo_url == f"/ecosystem/logos/{LOGO_NAME}"


def test_published_map_of_a_snapshot_frozen_without_categories_and_logos(client, tree, staff_user):
    from alliance.ecosystem.models import Snapshot
    from alliance.ecosystem.queries import build_snapshot_data

    data = build_snapshot_data(tree["taxonomy"])
    for player in data["players"]:
        del player["member_category"], player["logo"]
    Snapshot(year=2026, slug="2026", taxonomy=tree["taxonomy"], published_at=timezone.now(), data=data).save()
    url = reverse("ecosystem:landscape", args=[2026])

    response = client.get(url, {"version": "published", "category": "small"})
    card = client.get(
        reverse("ecosystem:player_card", args=[2026, tree["member"].ecosystem_player.pk]), {"version": "published"}
    )

    filtered = response.context["filtered"]
    assert (response.status_code, filtered.visible, card.context["card"].logo_url) == (200, set(), "")
    assert sorted(tile.name for tile in filtered.landscape.tiles) == ["구름컴퓨팅", "렌더랩", "주식회사 젠"]


def test_published_version_without_snapshot_404(client, tree):
    response = client.get(reverse("ecosystem:landscape", args=[2026]), {"version": "published"})

    assert response.status_code == 404


def test_yearly_rows_use_the_snapshot_where_published(tree, staff_user):
    from alliance.ecosystem.queries.map_statistics import yearly_rows
    from alliance.ecosystem.services.snapshots import freeze_snapshot

    freeze_snapshot(actor=staff_user, year=2026)
    _place(tree, tree["education"], "늦게온기업", revenue=100)  # after publication: not in 2026's row
    older = small_taxonomy(2025)
    _place(older, older["cloud"], "작년기업", revenue=700)

    domain_names, rows = yearly_rows(exact=True)

    assert domain_names == ["핵심산업 영역"]
    assert [(row.year, row.players, row.revenue.value, row.published) for row in rows] == [
        (2025, 1, 700, False),
        (2026, 3, 25_500, True),
    ]


def test_card_offers_logo_upload_to_own_representative_only(client, tree):
    from alliance.core.roles import Role
    from alliance.core.tests.factories import UserFactory

    zen = tree["member"].ecosystem_player
    url = reverse("ecosystem:player_card", args=[2026, zen.pk])
    upload = f'href="{reverse("ecosystem:logo_upload", args=[zen.pk])}"'
    anonymous = client.get(url).content.decode()
    client.force_login(UserFactory(role=Role.MEMBER_REP, organisation=tree["member"]))

    own = client.get(url).content.decode()

    assert upload not in anonymous
    assert upload in own


@pytest.mark.parametrize("name", ["ecosystem:chart", "ecosystem:statistics", "ecosystem:landscape_svg"])
def test_map_pages_queries_constant(client, tree, name):
    url = reverse(name, args=[2026])
    client.get(url)  # builds the landscape
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for index in range(3):
        _place(tree, tree["software"], f"추가기업{index}", technologies=[tree["twin"]], fields=[tree["training"]])
    client.get(url)
    with CaptureQueriesContext(connection) as many:
        client.get(url)

    assert len(many) == len(few)


def test_chart_labels_never_overlap():
    from alliance.ecosystem.chart import label_spot

    placed = []
    for name in ("주식회사 가나다라", "주식회사 마바사아", "주식회사 자차카타", "주식회사 파하"):
        spot = label_spot(name, 400, 300, 10, placed)
        if spot is not None:
            placed.append(spot[3])

    assert len(placed) == 4  # right, left, above, below of the same bubble
    assert label_spot("다섯째", 400, 300, 10, placed) is None


def test_korea_map_shades_by_square_root_of_share():
    from alliance.ecosystem.queries.map_statistics import SHADES, Row, korea_map_svg

    rows = [Row("서울", "서울", 100), Row("경기", "경기", 25), Row("부산", "부산", 1), Row("제주", "제주", 0)]

    svg = korea_map_svg(rows)
    shade = {
        sido: re.search(rf'data-sido="{sido}">.*?fill="(#[0-9a-f]+)"', svg).group(1)
        for sido in ("서울", "경기", "부산", "제주")
    }

    assert shade == {"서울": SHADES[4], "경기": SHADES[3], "부산": SHADES[1], "제주": SHADES[0]}
