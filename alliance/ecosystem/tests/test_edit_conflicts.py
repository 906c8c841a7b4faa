"""Two staff editing a map player at once, or a staff review applying a survey answer over a placement that
another staff changed after the review page was opened: the later save is refused and lists what changed
meanwhile (core.versions). Before, the later save silently undid the other's change."""

import pytest
from django.test import Client
from django.urls import reverse

from alliance.core.tests.editing import posted
from alliance.ecosystem.models import MapSurveyResponse, Placement, Player
from alliance.ecosystem.services.placements import save_placement
from alliance.ecosystem.tests.factories import PlayerFactory
from alliance.ecosystem.tests.test_survey_review import answer  # noqa: F401  fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_staff(staff_user):
    first, second = Client(), Client()
    first.force_login(staff_user)
    second.force_login(staff_user)
    return first, second


def test_a_player_saved_meanwhile_refuses_the_later_save(two_staff):
    player = PlayerFactory(employees=10, homepage="https://before.example.kr")
    url = reverse("ecosystem:player_detail", args=[player.pk])
    first, second = two_staff
    first_form, second_form = posted(first.get(url).context["form"]), posted(second.get(url).context["form"])

    assert first.post(url, first_form | {"homepage": "https://after.example.kr"}).status_code == 302
    response = second.post(url, second_form | {"employees": "12"})

    assert response.status_code == 200
    assert response.context["form"].stale_changes == [
        {"label": "홈페이지", "theirs": "https://after.example.kr", "yours": "https://before.example.kr"}
    ]
    assert Player.objects.get(pk=player.pk).employees == 10

    retry = second.post(url, posted(response.context["form"]))

    assert retry.status_code == 302
    player.refresh_from_db()
    assert (player.employees, player.homepage) == (12, "https://before.example.kr")


def test_applying_an_answer_over_a_placement_changed_since_the_page_opened_is_refused(
    client,
    staff_user,
    answer,  # noqa: F811
):
    client.force_login(staff_user)
    url = reverse("ecosystem:survey_response_review", args=[answer.pk])
    page = client.get(url)
    placement = Placement.objects.get(player=answer.invitation.player)
    # Another staff changes the employees on the map after the review page was opened.
    save_placement(
        actor=staff_user,
        player=placement.player,
        taxonomy=placement.taxonomy,
        primary=placement.primary,
        figures={"employees": 11},
    )

    response = client.post(url, posted(page.context["form"]) | {"decision": "apply"})

    assert response.status_code == 200
    assert response.context["form"].stale_changes == [{"label": "종사자 수", "theirs": "11", "yours": "20"}]
    assert 'name="decision" value="apply"' in response.content.decode()
    answer.refresh_from_db()
    assert (answer.status, Placement.objects.get(pk=placement.pk).employees) == (MapSurveyResponse.Status.PENDING, 11)

    applied = client.post(url, posted(response.context["form"]) | {"decision": "apply"})

    assert applied.status_code == 302
    answer.refresh_from_db()
    assert (answer.status, Placement.objects.get(pk=placement.pk).employees) == ("applied", 20)


def test_a_member_players_form_carries_the_version_too(two_staff, organisation):
    from alliance.ecosystem.services.players import sync_member_players

    sync_member_players(actor=None, organisations=[organisation])
    player = Player.objects.get(organisation=organisation)
    url = reverse("ecosystem:player_detail", args=[player.pk])
    first, second = two_staff
    first_form, second_form = posted(first.get(url).context["form"]), posted(second.get(url).context["form"])

    assert first.post(url, first_form | {"ksic_code": "58222"}).status_code == 302
    response = second.post(url, second_form | {"business_fields": "XR"})

    assert response.status_code == 200
    assert [row["theirs"] for row in response.context["form"].stale_changes] == ["58222"]


def test_a_taxonomy_node_saved_meanwhile_refuses_the_later_save(two_staff):
    from alliance.ecosystem.tests.factories import small_taxonomy

    node = small_taxonomy()["hardware"]
    url = reverse("ecosystem:node_edit", args=[node.pk])
    first, second = two_staff
    first_form, second_form = posted(first.get(url).context["form"]), posted(second.get(url).context["form"])

    assert first.post(url, first_form | {"description": "헤드셋과 글래스"}).status_code == 302
    response = second.post(url, second_form | {"keywords": "HMD, 글래스"})

    assert response.status_code == 200
    assert response.context["form"].stale_changes == [{"label": "설명", "theirs": "헤드셋과 글래스", "yours": "-"}]
    assert "stale-edit" in response.content.decode()
    node.refresh_from_db()
    assert (node.description, node.keywords) == ("헤드셋과 글래스", [])

    retry = second.post(url, posted(response.context["form"]))

    assert retry.status_code == 302
    node.refresh_from_db()
    assert (node.description, node.keywords) == ("", ["HMD", "글래스"])


def test_a_node_moved_meanwhile_refuses_the_later_move(two_staff):
    from alliance.ecosystem.tests.factories import small_taxonomy

    tree = small_taxonomy()
    node = tree["cloud"]
    url = reverse("ecosystem:node_edit", args=[node.pk])
    move_url = reverse("ecosystem:node_move", args=[node.pk])
    first, second = two_staff
    first_form = posted(first.get(url).context["move_form"])
    second_form = posted(second.get(url).context["move_form"])

    assert first.post(move_url, first_form | {"parent": str(tree["base"].pk)}).status_code == 302
    response = second.post(move_url, second_form | {"position": "1"})

    assert response.status_code == 200
    assert response.context["move_form"].stale_changes == [
        {"label": "옮길 상위 분류", "theirs": "핵심산업 영역 › 기반 부문", "yours": "핵심산업 영역 › 인프라"}
    ]
    node.refresh_from_db()
    assert node.parent_id == tree["base"].pk

    retry = second.post(move_url, posted(response.context["move_form"]))

    assert retry.status_code == 302
    node.refresh_from_db()
    assert node.parent_id == tree["infra"].pk
