"""Staff confirm the drafts they tick on the players list: one service call, one transaction, audited each."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from alliance.core.models import AuditEntry
from alliance.core.tests.confirming import post_confirmed
from alliance.ecosystem.models import Placement
from alliance.ecosystem.services.placements import confirm_placements
from alliance.ecosystem.tests.factories import PlacementFactory, PlayerFactory, small_taxonomy

pytestmark = pytest.mark.django_db
DRAFT, CONFIRMED = Placement.Status.DRAFT, Placement.Status.CONFIRMED


@pytest.fixture
def placements():
    tree = small_taxonomy(2026)
    older = small_taxonomy(2025)
    return {
        "a": PlacementFactory(player=PlayerFactory(name="가초안"), primary=tree["xr"]),
        "b": PlacementFactory(player=PlayerFactory(name="나초안"), primary=tree["cloud"]),
        "done": PlacementFactory(player=PlayerFactory(name="다확정"), primary=tree["cloud"], status=CONFIRMED),
        "other_year": PlacementFactory(player=PlayerFactory(name="라작년"), primary=older["cloud"]),
        "taxonomy": tree["taxonomy"],
    }


def _statuses() -> dict[str, str]:
    return dict(Placement.objects.values_list("player__name", "status"))


def test_confirm_placements_confirms_only_this_years_drafts_and_audits_each(staff_user, placements):
    ids = [placements[key].pk for key in ("a", "b", "done", "other_year")]

    count = confirm_placements(actor=staff_user, taxonomy=placements["taxonomy"], placement_ids=ids)

    assert count == 2
    assert _statuses() == {"가초안": CONFIRMED, "나초안": CONFIRMED, "다확정": CONFIRMED, "라작년": DRAFT}
    assert Placement.objects.get(pk=placements["a"].pk).confirmed_by == staff_user
    entries = AuditEntry.objects.filter(action="ecosystem.placement.confirmed").order_by("target_id")
    assert [(entry.target_id, entry.before, entry.after) for entry in entries] == [
        (str(placements["a"].pk), {"status": "draft"}, {"status": "confirmed", "path": placements["a"].primary.path}),
        (str(placements["b"].pk), {"status": "draft"}, {"status": "confirmed", "path": placements["b"].primary.path}),
    ]


def test_players_list_offers_a_checkbox_per_draft_and_confirms_the_ticked_ones(client, staff_user, placements):
    client.force_login(staff_user)
    url = reverse("ecosystem:players", args=[2026])

    page = client.get(url, {"q": "초안"}).content.decode()
    confirm_url = reverse("ecosystem:placements_confirm", args=[2026])
    body = {"placement": [str(placements["a"].pk)], "q": "초안", "member": "", "page": "1"}
    first = client.post(confirm_url, body)
    assert (first.status_code, _statuses()["가초안"]) == (200, DRAFT)
    assert f"가초안 → {placements['a'].primary.name}" in first.content.decode()
    response = post_confirmed(client, confirm_url, body)

    assert page.count('type="checkbox" name="placement"') == 2
    assert f'value="{placements["a"].pk}"' in page
    assert response["Location"] == url + "?q=%EC%B4%88%EC%95%88"
    assert _statuses()["가초안"] == CONFIRMED
    assert _statuses()["나초안"] == DRAFT
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["배치 1건을 확정했습니다."]


def test_confirming_with_nothing_ticked_says_so(client, staff_user, placements):
    client.force_login(staff_user)

    response = client.post(reverse("ecosystem:placements_confirm", args=[2026]), {"q": ""})

    assert [str(m) for m in get_messages(response.wsgi_request)] == ["확정할 초안 배치를 하나 이상 선택해 주세요."]
    assert _statuses()["가초안"] == DRAFT
