"""A year's map is kept rendered for anonymous visitors (core/page_cache.py) until its landscape changes or a
year is published."""

import pytest
from django.urls import reverse

from alliance.ecosystem.models import Placement
from alliance.ecosystem.services.snapshots import freeze_snapshot
from alliance.ecosystem.tests.factories import PlacementFactory, PlayerFactory, small_taxonomy

pytestmark = pytest.mark.django_db
CONFIRMED = Placement.Status.CONFIRMED


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 3600


def visit(client, year=2026):
    response = client.get(reverse("ecosystem:landscape", args=[year]))
    assert response.status_code == 200
    return response.get("X-Page-Cache"), response.content.decode()


def test_the_map_is_served_from_the_cache_until_a_placement_changes(client):
    tree = small_taxonomy(2026)
    PlacementFactory(player=PlayerFactory(name="엑스알"), primary=tree["xr"], status=CONFIRMED)

    first, second = visit(client), visit(client)
    placement = PlacementFactory(player=PlayerFactory(name="클라우드랩"), primary=tree["cloud"], status=CONFIRMED)
    third = visit(client)
    placement.player.name = "클라우드랩스"
    placement.player.save()
    fourth = visit(client)

    assert (first[0], second[0], third[0], fourth[0]) == ("miss", "hit", "miss", "miss")
    assert ("클라우드랩" in second[1], "클라우드랩" in third[1], "클라우드랩스" in fourth[1]) == (False, True, True)


def test_publishing_the_year_changes_the_page(client, staff_user):
    tree = small_taxonomy(2026)
    PlacementFactory(player=PlayerFactory(name="엑스알"), primary=tree["xr"], status=CONFIRMED)
    visit(client)

    freeze_snapshot(actor=staff_user, year=2026)

    assert visit(client)[0] == "miss"
    assert visit(client)[0] == "hit"


def test_a_filtered_map_and_staff_are_not_served_from_the_cache(client, staff_user):
    small_taxonomy(2026)
    url = reverse("ecosystem:landscape", args=[2026])
    client.get(url + "?r=1")
    filtered = client.get(url + "?r=1")
    client.force_login(staff_user)

    assert (filtered.get("X-Page-Cache"), client.get(url).get("X-Page-Cache")) == (None, None)
