"""The staff data-quality page: players with no logo, no description, unconfirmed or stale placements,
or suggestions waiting."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from alliance.ecosystem.models import Placement, PlacementSuggestion
from alliance.ecosystem.tests.factories import PlacementFactory, PlayerFactory, small_taxonomy
from alliance.members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    return small_taxonomy(2026)


def _confirmed(tree, name, *, days_ago=1, **player):
    return PlacementFactory(
        player=PlayerFactory(name=name, logo="ecosystem/logos/x.svg", **player),
        taxonomy=tree["taxonomy"],
        primary=tree["software"],
        status=Placement.Status.CONFIRMED,
        confirmed_at=timezone.now() - datetime.timedelta(days=days_ago),
    )


def _problems(client, params=None) -> dict[str, list[str]]:
    response = client.get(reverse("ecosystem:data_quality", args=[2026]), params or {})
    return {row["player"].name: row["keys"] for row in response.context["rows"]}


def test_quality_lists_each_problem_and_skips_healthy_players(client, staff_user, tree, settings):
    settings.CONFIRMATION_STALE_DAYS = 365
    _confirmed(tree, "건강한기업")
    _confirmed(tree, "설명없는기업", description="")
    _confirmed(tree, "오래된기업", days_ago=400)
    PlacementFactory(player=PlayerFactory(name="초안기업", logo="ecosystem/logos/y.svg"), taxonomy=tree["taxonomy"])
    waiting = PlayerFactory(name="제안기업", logo="")
    PlacementSuggestion.objects.create(
        player=waiting, taxonomy=tree["taxonomy"], kind="category", node=tree["cloud"], confidence=0.8
    )
    client.force_login(staff_user)

    problems = _problems(client)

    assert problems == {
        "설명없는기업": ["description"],
        "오래된기업": ["stale"],
        "제안기업": ["not_placed", "logo", "suggestion"],
        "초안기업": ["unconfirmed"],
    }


def test_quality_lists_players_not_placed_yet_but_not_withdrawn_members(client, staff_user, tree):
    PlayerFactory(name="설명도배치도없는기업", description="", logo="ecosystem/logos/z.svg")
    PlayerFactory(
        name="탈퇴회원", organisation=OrganisationFactory(name="탈퇴회원", withdrawn_on=datetime.date(2025, 12, 31))
    )
    placed_leaver = OrganisationFactory(name="배치된탈퇴회원", withdrawn_on=datetime.date(2025, 12, 31))
    PlacementFactory(
        player=PlayerFactory(name="배치된탈퇴회원", organisation=placed_leaver, logo="x"), taxonomy=tree["taxonomy"]
    )
    PlayerFactory(name="현재회원", organisation=OrganisationFactory(name="현재회원"), logo="ecosystem/logos/y.svg")
    client.force_login(staff_user)

    problems = _problems(client)
    not_placed = _problems(client, {"problem": "not_placed"})

    assert problems == {
        "배치된탈퇴회원": ["unconfirmed"],
        "설명도배치도없는기업": ["not_placed", "description"],
        "현재회원": ["not_placed"],
    }
    assert list(not_placed) == ["설명도배치도없는기업", "현재회원"]


def test_quality_filter_by_problem(client, staff_user, tree):
    _confirmed(tree, "설명없는기업", description="")
    _confirmed(tree, "로고없는기업").player.__class__.objects.filter(name="로고없는기업").update(logo="")
    client.force_login(staff_user)

    assert list(_problems(client, {"problem": "logo"})) == ["로고없는기업"]


def test_quality_queries_constant(client, staff_user, tree):
    client.force_login(staff_user)
    _confirmed(tree, "설명없는기업0", description="")
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("ecosystem:data_quality", args=[2026]))
    for index in range(1, 3):
        _confirmed(tree, f"설명없는기업{index}", description="")
        PlayerFactory(name=f"배치안된기업{index}", organisation=OrganisationFactory(name=f"배치안된기업{index}"))

    with CaptureQueriesContext(connection) as three:
        response = client.get(reverse("ecosystem:data_quality", args=[2026]))

    assert len(response.context["rows"]) == 5
    assert len(three) == len(one)
