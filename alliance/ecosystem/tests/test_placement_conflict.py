"""Two staff (or staff and an applied survey answer) change one placement at once: the stale save is refused."""

import pytest
from django.test import Client
from django.urls import reverse

from alliance.core.tests.editing import posted
from alliance.ecosystem.models import Placement
from alliance.ecosystem.services.placements import save_placement
from alliance.ecosystem.tests.factories import PlayerFactory, small_taxonomy

pytestmark = pytest.mark.django_db


def url(player) -> str:
    return reverse("ecosystem:placement_edit", args=[2026, player.pk])


@pytest.fixture
def two_staff(staff_user):
    first, second = Client(), Client()
    first.force_login(staff_user)
    second.force_login(staff_user)
    return first, second


@pytest.fixture
def placed(staff_user):
    tree = small_taxonomy()
    player = PlayerFactory()
    save_placement(
        actor=staff_user, player=player, taxonomy=tree["taxonomy"], primary=tree["xr"], figures={"employees": 10}
    )
    return tree, player


def test_second_staff_save_is_refused_with_what_changed(two_staff, placed):
    (first, second), (tree, player) = two_staff, placed
    first_form = posted(first.get(url(player)).context["form"])
    second_form = posted(second.get(url(player)).context["form"])

    assert first.post(url(player), first_form | {"primary": str(tree["sensor"].pk)}).status_code == 302
    response = second.post(url(player), second_form | {"employees": "12"})

    assert response.status_code == 200
    rows = response.context["form"].stale_changes
    assert [(row["theirs"], row["yours"]) for row in rows] == [
        ("기반 부문 › 하드웨어 › 센서", "기반 부문 › 하드웨어 › XR 디바이스")
    ]
    placement = Placement.objects.get(player=player)
    assert (placement.primary, placement.employees) == (tree["sensor"], 10)

    retry = second.post(url(player), posted(response.context["form"]))

    assert retry.status_code == 302
    placement.refresh_from_db()
    assert (placement.primary, placement.employees) == (tree["xr"], 12)


def test_a_survey_answer_applied_meanwhile_makes_the_staff_form_stale(two_staff, placed, staff_user):
    (first, _second), (tree, player) = two_staff, placed
    form = posted(first.get(url(player)).context["form"])
    # What services/survey.apply_survey_response does with an answer: a save without the form's version.
    save_placement(
        actor=staff_user,
        player=player,
        taxonomy=tree["taxonomy"],
        primary=tree["xr"],
        figures={"employees": 15},
        source="survey",
        confirm=True,
    )

    response = first.post(url(player), form | {"patents": "4"})

    assert [(row["theirs"], row["yours"]) for row in response.context["form"].stale_changes] == [("15", "10")]
    assert Placement.objects.get(player=player).patents is None


def test_two_staff_placing_a_new_player_at_once(two_staff, staff_user):
    first, second = two_staff
    tree = small_taxonomy()
    player = PlayerFactory()
    first_form = posted(first.get(url(player)).context["form"])
    second_form = posted(second.get(url(player)).context["form"])

    assert first.post(url(player), first_form | {"primary": str(tree["xr"].pk)}).status_code == 302
    response = second.post(url(player), second_form | {"primary": str(tree["sensor"].pk)})

    assert response.status_code == 200
    assert Placement.objects.get(player=player).primary == tree["xr"]
