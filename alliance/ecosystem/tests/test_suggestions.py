"""Suggested placements: generation for unconfirmed players, bulk accept/correct/reject, the review page."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import gettext, ngettext

from alliance.core.models import AuditEntry
from alliance.core.tests.confirming import post_confirmed
from alliance.ecosystem.models import Placement, PlacementSuggestion, TaxonomyNode
from alliance.ecosystem.services.suggestions import accept_suggestions, generate_suggestions, reject_suggestions
from alliance.ecosystem.services.taxonomy import seed_default_taxonomy
from alliance.ecosystem.tests.factories import PlacementFactory, PlayerFactory

pytestmark = pytest.mark.django_db

WAITING = PlacementSuggestion.Status.WAITING
GAME_TEXT = "VR 리듬 게임을 개발해 스팀에 출시한 게임 스튜디오입니다."
# A business of the field (a hospital using VR), not a maker for hospitals: its place is the forward-linked area.
HEALTH_TEXT = "재활의학과 전문병원으로, 뇌졸중 환자의 재활 치료에 VR 프로그램을 도입해 진료에 활용합니다."


@pytest.fixture
def taxonomy(staff_user):
    return seed_default_taxonomy(actor=staff_user, year=2026)


def node(taxonomy, name):
    return TaxonomyNode.objects.get(taxonomy=taxonomy, name=name)


def waiting(player):
    return list(
        PlacementSuggestion.objects.filter(player=player, status=WAITING)
        .order_by("kind", "-confidence")
        .values_list("kind", "node__name", "technology__name", "field__name")
    )


def test_generate_suggestions_covers_only_players_without_a_confirmed_placement(staff_user, taxonomy):
    game = PlayerFactory(description=GAME_TEXT)
    placed = PlacementFactory(
        player=PlayerFactory(description=HEALTH_TEXT),
        taxonomy=taxonomy,
        primary=node(taxonomy, "의료·헬스케어"),
        status=Placement.Status.CONFIRMED,
    ).player
    PlayerFactory(description="", business_fields="")

    generate_suggestions(actor=staff_user, taxonomy=taxonomy)

    assert set(PlacementSuggestion.objects.values_list("player_id", flat=True)) == {game.pk}
    categories = [row[1] for row in waiting(game) if row[0] == "category"]
    assert categories[0] == "게임"
    assert ("field", None, None, "엔터테인먼트") in waiting(game)
    assert waiting(placed) == []
    entry = AuditEntry.objects.get(action="ecosystem.suggestions.generated")
    assert entry.after == {"players": 1, "suggestions": len(waiting(game)), "method": "classifier"}
    assert Placement.objects.filter(player=game).count() == 0


def test_generate_suggestions_replaces_waiting_ones_and_keeps_reviewed(staff_user, taxonomy):
    player = PlayerFactory(description=GAME_TEXT)
    generate_suggestions(actor=staff_user, taxonomy=taxonomy)
    old = PlacementSuggestion.objects.filter(player=player).first()
    old.status = PlacementSuggestion.Status.REJECTED
    old.save()
    count_before = PlacementSuggestion.objects.count()

    generate_suggestions(actor=staff_user, taxonomy=taxonomy)

    assert PlacementSuggestion.objects.count() == count_before + 1
    assert PlacementSuggestion.objects.filter(pk=old.pk, status=PlacementSuggestion.Status.REJECTED).exists()


def test_accept_suggestions_places_and_confirms_with_the_top_category_or_the_correction(staff_user, taxonomy):
    game = PlayerFactory(description=GAME_TEXT)
    health = PlayerFactory(description=HEALTH_TEXT)
    generate_suggestions(actor=staff_user, taxonomy=taxonomy)
    education = node(taxonomy, "교육·훈련")

    placed = accept_suggestions(actor=staff_user, taxonomy=taxonomy, choices={game.pk: None, health.pk: education})

    game_placement = Placement.objects.get(player=game, taxonomy=taxonomy)
    health_placement = Placement.objects.get(player=health, taxonomy=taxonomy)
    assert placed == 2
    assert (game_placement.primary.name, game_placement.status) == ("게임", Placement.Status.CONFIRMED)
    assert (health_placement.primary.name, health_placement.status) == ("교육·훈련", Placement.Status.CONFIRMED)
    assert game_placement.confirmed_by == staff_user
    assert sorted(f.name for f in game_placement.fields.all()) == ["엔터테인먼트"]
    assert PlacementSuggestion.objects.filter(status=WAITING).count() == 0
    accepted = {e.target_id: e.after for e in AuditEntry.objects.filter(action="ecosystem.suggestion.accepted")}
    assert accepted[str(game.pk)]["corrected"] is False
    assert accepted[str(health.pk)]["corrected"] is True
    assert accepted[str(health.pk)]["placed"] == ["2차 전방연관 영역", "사회 서비스", "교육·훈련"]


def test_accept_suggestions_refuses_a_node_of_another_year_and_writes_nothing(staff_user, taxonomy):
    other = seed_default_taxonomy(actor=staff_user, year=2027)
    game = PlayerFactory(description=GAME_TEXT)
    health = PlayerFactory(description=HEALTH_TEXT)
    generate_suggestions(actor=staff_user, taxonomy=taxonomy)

    with pytest.raises(ValidationError) as refused:
        accept_suggestions(actor=staff_user, taxonomy=taxonomy, choices={game.pk: None, health.pk: node(other, "게임")})

    assert refused.value.code == "not_placeable"
    assert Placement.objects.count() == 0
    assert PlacementSuggestion.objects.filter(status=WAITING).count() == len(waiting(game)) + len(waiting(health))


def test_accept_suggestions_twice_is_refused_the_second_time(staff_user, taxonomy):
    game = PlayerFactory(description=GAME_TEXT)
    generate_suggestions(actor=staff_user, taxonomy=taxonomy)
    accept_suggestions(actor=staff_user, taxonomy=taxonomy, choices={game.pk: None})

    with pytest.raises(ValidationError) as refused:
        accept_suggestions(actor=staff_user, taxonomy=taxonomy, choices={game.pk: node(taxonomy, "소프트웨어")})

    assert refused.value.code == "suggestion_gone"
    assert Placement.objects.get(player=game).primary.name == "게임"


def test_reject_suggestions_closes_them_without_placing(staff_user, taxonomy):
    game = PlayerFactory(description=GAME_TEXT)
    generate_suggestions(actor=staff_user, taxonomy=taxonomy)

    assert reject_suggestions(actor=staff_user, taxonomy=taxonomy, player_ids=[game.pk]) == 1

    assert waiting(game) == []
    assert Placement.objects.count() == 0
    assert AuditEntry.objects.filter(action="ecosystem.suggestion.rejected", target_id=str(game.pk)).count() == 1


def make_waiting(staff_user, taxonomy, count):
    for _ in range(count):
        PlayerFactory(description=GAME_TEXT)
    generate_suggestions(actor=staff_user, taxonomy=taxonomy)


def test_review_page_lists_waiting_suggestions_in_constant_queries(client, staff_user, taxonomy):
    client.force_login(staff_user)
    url = reverse("ecosystem:suggestions") + "?year=2026"
    make_waiting(staff_user, taxonomy, 1)
    with CaptureQueriesContext(connection) as one:
        first = client.get(url)
    make_waiting(staff_user, taxonomy, 2)
    with CaptureQueriesContext(connection) as three:
        second = client.get(url)

    assert first.status_code == second.status_code == 200
    assert second.content.decode().count('name="players"') == 3
    assert second.content.decode().count('name="year" value="2026"') == 2
    assert len(three) == len(one)


def test_review_post_accepts_selected_with_a_correction(client, staff_user, taxonomy):
    client.force_login(staff_user)
    game = PlayerFactory(description=GAME_TEXT)
    health = PlayerFactory(description=HEALTH_TEXT)
    untouched = PlayerFactory(description=GAME_TEXT)
    generate_suggestions(actor=staff_user, taxonomy=taxonomy)
    software = node(taxonomy, "소프트웨어")

    response = post_confirmed(
        client,
        reverse("ecosystem:suggestions_review"),
        {
            "year": "2026",
            "action": "accept",
            "players": [game.pk, health.pk],
            f"category-{game.pk}": str(software.pk),
            f"category-{health.pk}": "",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("ecosystem:suggestions") + "?year=2026"
    placed = dict(Placement.objects.values_list("player_id", "primary__name"))
    assert placed == {game.pk: "소프트웨어", health.pk: "의료·헬스케어"}
    assert waiting(untouched) != []


def test_review_page_writes_ids_without_thousands_separators(client, staff_user, taxonomy):
    client.force_login(staff_user)
    PlayerFactory(pk=12345, description=GAME_TEXT)
    generate_suggestions(actor=staff_user, taxonomy=taxonomy)

    content = client.get(reverse("ecosystem:suggestions")).content.decode()

    assert 'name="players" value="12345"' in content
    assert 'name="category-12345"' in content


def test_review_post_with_an_unknown_category_names_the_company_and_writes_nothing(client, staff_user, taxonomy):
    client.force_login(staff_user)
    game = PlayerFactory(name="가온게임즈", description=GAME_TEXT)
    generate_suggestions(actor=staff_user, taxonomy=taxonomy)
    layer = node(taxonomy, "기반 부문")

    response = client.post(
        reverse("ecosystem:suggestions_review"),
        {"year": "2026", "action": "accept", "players": [game.pk], f"category-{game.pk}": str(layer.pk)},
        follow=True,
    )

    assert [str(m) for m in response.context["messages"]] == [
        gettext("The category chosen for “%(name)s” is not a category of the %(year)s map.")
        % {"name": "가온게임즈", "year": 2026}
    ]
    assert Placement.objects.count() == 0


def test_generate_view_records_the_request_and_runs_the_task_after_the_commit(
    client, staff_user, taxonomy, django_capture_on_commit_callbacks
):
    client.force_login(staff_user)
    player = PlayerFactory(description=HEALTH_TEXT)

    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = post_confirmed(client, reverse("ecosystem:suggestions_generate"), {"year": "2026"})
    waiting_before_the_commit = waiting(player)
    for callback in queued:
        callback()

    assert response.status_code == 302
    assert waiting_before_the_commit == []
    assert next(row[1] for row in waiting(player) if row[0] == "category") == "의료·헬스케어"
    requested = AuditEntry.objects.get(action="ecosystem.suggestions.requested")
    assert (requested.actor, requested.target_id) == (staff_user, str(taxonomy.pk))


def test_generate_view_first_says_how_many_companies_and_queues_nothing(
    client, staff_user, taxonomy, django_capture_on_commit_callbacks, settings
):
    settings.LANGUAGE_CODE = "ko"
    client.force_login(staff_user)
    PlayerFactory(name="헬스원", description=HEALTH_TEXT)
    PlayerFactory(name="빈회사", description="", business_fields="")
    placed = PlayerFactory(name="배치됨", description=HEALTH_TEXT)
    PlacementFactory(
        player=placed, taxonomy=taxonomy, primary=node(taxonomy, "의료·헬스케어"), status=Placement.Status.CONFIRMED
    )

    with django_capture_on_commit_callbacks(execute=True) as queued:
        page = client.post(reverse("ecosystem:suggestions_generate"), {"year": "2026"})

    assert (page.status_code, page.context["confirmation"].count, list(page.context["confirmation"].names)) == (
        200,
        1,
        ["헬스원"],
    )
    assert (len(queued), AuditEntry.objects.filter(action="ecosystem.suggestions.requested").count()) == (0, 0)
    assert "1개사" in page.content.decode()


def test_a_suggestion_request_rolled_back_queues_nothing(staff_user, taxonomy, django_capture_on_commit_callbacks):
    from django.db import transaction

    from alliance.ecosystem.services.suggestion_runs import request_suggestions

    with django_capture_on_commit_callbacks(execute=True) as queued:
        try:
            with transaction.atomic():
                request_suggestions(actor=staff_user, taxonomy=taxonomy)
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass

    assert (queued, AuditEntry.objects.filter(action="ecosystem.suggestions.requested").count()) == ([], 0)


def test_demo_leaves_suggestions_waiting_for_the_unconfirmed_players_only():
    from alliance.ecosystem import demo
    from alliance.ecosystem.models import Player
    from alliance.members import demo as members_demo

    members_demo.load(members_demo.generate(40, 3))
    demo.load_demo(seed=3)

    suggested = set(PlacementSuggestion.objects.filter(status=WAITING).values_list("player_id", flat=True))
    confirmed = Placement.objects.filter(taxonomy__year=2026, status=Placement.Status.CONFIRMED).values("player_id")
    unconfirmed = set(
        Player.objects.exclude(pk__in=confirmed)
        .exclude(description="", business_fields="")
        .values_list("pk", flat=True)
    )
    assert suggested == unconfirmed
    assert Placement.objects.filter(taxonomy__year=2026, status=Placement.Status.DRAFT).count() > 0


def test_review_post_rejects_selected_and_says_how_many(client, staff_user, taxonomy):
    client.force_login(staff_user)
    game = PlayerFactory(description=GAME_TEXT)
    health = PlayerFactory(description=HEALTH_TEXT)
    generate_suggestions(actor=staff_user, taxonomy=taxonomy)

    response = post_confirmed(
        client,
        reverse("ecosystem:suggestions_review"),
        {"year": "2026", "action": "reject", "players": [game.pk, health.pk]},
        follow=True,
    )

    assert [str(m) for m in response.context["messages"]] == [
        ngettext("Suggestions of %(count)s company rejected.", "Suggestions of %(count)s companies rejected.", 2)
        % {"count": "2"}
    ]
    assert PlacementSuggestion.objects.filter(status=WAITING).count() == 0
    assert Placement.objects.count() == 0


def test_accepting_many_first_lists_each_company_and_its_category_and_places_nothing(client, staff_user, taxonomy):
    client.force_login(staff_user)
    game = PlayerFactory(name="가온게임즈", description=GAME_TEXT)
    health = PlayerFactory(name="나래헬스", description=HEALTH_TEXT)
    generate_suggestions(actor=staff_user, taxonomy=taxonomy)
    audit = AuditEntry.objects.count()

    page = client.post(
        reverse("ecosystem:suggestions_review"),
        {"year": "2026", "action": "accept", "players": [game.pk, health.pk]},
    )

    html = page.content.decode()
    assert "2개사" in html
    assert "나래헬스 → 의료·헬스케어" in html
    assert (Placement.objects.count(), AuditEntry.objects.count()) == (0, audit)
    assert PlacementSuggestion.objects.filter(status=WAITING, player=game).exists()
