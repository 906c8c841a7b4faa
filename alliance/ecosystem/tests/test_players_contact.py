"""A non-member's contact e-mail: entered by staff, used for the map survey's personal link, never public."""

import datetime
import io
import json
import re

import pytest
from django.test import TestCase
from django.urls import reverse
from openpyxl import load_workbook

from alliance.ecosystem.models import MapSurveyInvitation, MapSurveyResponse, Placement, Player
from alliance.ecosystem.services.snapshots import freeze_snapshot
from alliance.ecosystem.services.survey import apply_survey_response, open_map_survey
from alliance.ecosystem.tests.factories import PlacementFactory, PlayerFactory, small_taxonomy

pytestmark = pytest.mark.django_db
EMAIL = "ceo@outsider.example.kr"
CLOSES = datetime.date(2099, 12, 31)


@pytest.fixture
def tree():
    return small_taxonomy(2026)


def test_staff_enter_a_non_members_contact_email(client, staff_user):
    client.force_login(staff_user)

    client.post(reverse("ecosystem:player_create"), {"name": "외부기업", "contact_email": EMAIL})

    assert Player.objects.get(name="외부기업").contact_email == EMAIL


def test_member_player_form_has_no_contact_email(client, staff_user, organisation):
    player = PlayerFactory(name=organisation.name, organisation=organisation)
    client.force_login(staff_user)

    response = client.get(reverse("ecosystem:player_detail", args=[player.pk]))

    assert "contact_email" not in response.context["form"].fields


def test_survey_invites_non_members_with_a_contact_email_through_the_same_link(client, staff_user, tree, smtp_server):
    outsider = PlayerFactory(name="외부기업", contact_email=EMAIL)
    PlayerFactory(name="연락처없는외부기업")
    placement = PlacementFactory(player=outsider, primary=tree["xr"], patents=1, status=Placement.Status.CONFIRMED)

    with TestCase.captureOnCommitCallbacks(execute=True):
        survey = open_map_survey(actor=staff_user, taxonomy=tree["taxonomy"], title="2026 조사", closes_on=CLOSES)
    token = re.search(r"/ecosystem/survey/([^/\s]+)/", smtp_server.messages[0].get_body(("plain",)).get_content())
    response = client.post(
        reverse("ecosystem:survey_respond", args=[token.group(1)]),
        {"revenue": "1500", "employees": "20", "patents": "3", "respondent_name": "김대표"},
    )
    apply_survey_response(actor=staff_user, response=MapSurveyResponse.objects.get())

    assert [(i.player.name, i.email) for i in survey.invitations.all()] == [("외부기업", EMAIL)]
    assert [m.envelope_recipients for m in smtp_server.messages] == [[EMAIL]]
    assert response.status_code == 302
    placement.refresh_from_db()
    assert (placement.patents, placement.sources["patents"]["source"]) == (3, "survey")
    assert MapSurveyInvitation.objects.get().responded_at is not None


def test_contact_email_is_on_no_public_page_export_snapshot_or_api(client, staff_user, tree):
    player = PlayerFactory(name="외부기업", contact_email=EMAIL, description="설명")
    PlacementFactory(player=player, primary=tree["software"], status=Placement.Status.CONFIRMED)
    snapshot = freeze_snapshot(actor=staff_user, year=2026)
    public = [
        reverse("ecosystem:landscape", args=[2026]),
        reverse("ecosystem:landscape", args=[2026]) + "?version=published",
        reverse("ecosystem:landscape_search", args=[2026]) + "?q=외부",
        reverse("ecosystem:player_card", args=[2026, player.pk]),
        reverse("ecosystem:player_card", args=[2026, player.pk]) + "?version=published",
        reverse("ecosystem:chart", args=[2026]),
        reverse("ecosystem:statistics", args=[2026]),
        reverse("ecosystem:landscape_svg", args=[2026]),
        reverse("ecosystem:landscape_yml", args=[2026]),
        reverse("ecosystem:embed", args=[2026, tree["software"].pk]),
        reverse("ecosystem:snapshot", args=["2026"]),
        reverse("ecosystem:snapshot_api", args=["2026"]),
    ]

    contents = {url: client.get(url).getvalue().decode() for url in public}  # getvalue: the API is a streamed file
    client.force_login(staff_user)
    workbook = load_workbook(io.BytesIO(client.get(reverse("ecosystem:placements_xlsx", args=[2026])).content))
    cells = [str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row]

    assert all("외부기업" in contents[url] for url in (public[0], public[3], public[4], public[11]))
    assert [url for url, content in contents.items() if "outsider" in content] == []
    assert "outsider" not in json.dumps(snapshot.data)
    assert "외부기업" in cells
    assert [cell for cell in cells if "outsider" in cell] == []
