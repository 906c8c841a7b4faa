"""Opening the map survey asks first: how many companies and which, the e-mail (sample link) and a test send
to oneself; nothing is written or sent until confirmed."""

import pytest
from django.urls import reverse

from alliance.core.models import AuditEntry
from alliance.core.tests.confirming import post_confirmed
from alliance.ecosystem.models import MapSurvey, MapSurveyInvitation, Player
from alliance.ecosystem.tests.factories import small_taxonomy
from alliance.members.tests.factories import ContactFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def korean(settings):
    settings.LANGUAGE_CODE = "ko"


@pytest.fixture
def survey_data():
    tree = small_taxonomy()
    for n in range(3):
        ContactFactory(organisation=OrganisationFactory(name=f"회원사 {n}"), email=f"c{n}@member.example.kr")
    return {"taxonomy": tree["taxonomy"].year, "title": "2026 생태계 지도 조사", "closes_on": "2099-12-31"}


def test_first_post_shows_the_count_and_opens_nothing(client, staff_user, smtp_server, survey_data):
    players_before = Player.objects.count()
    client.force_login(staff_user)

    page = client.post(reverse("ecosystem:surveys"), survey_data)

    assert page.status_code == 200
    assert "3개사" in page.content.decode()
    assert "회원사 0" in page.content.decode()
    assert (MapSurvey.objects.count(), Player.objects.count()) == (0, players_before)
    assert not AuditEntry.objects.filter(action__startswith="ecosystem.survey.").exists()
    assert smtp_server.messages == []


def test_confirmed_post_opens_the_survey_for_the_count_shown(client, staff_user, survey_data):
    client.force_login(staff_user)

    response = post_confirmed(client, reverse("ecosystem:surveys"), survey_data)

    assert response.status_code == 302
    assert MapSurveyInvitation.objects.count() == 3


def test_survey_test_send_reaches_only_the_staff_user(client, staff_user, smtp_server, survey_data):
    client.force_login(staff_user)

    client.post(reverse("ecosystem:surveys"), {**survey_data, "send_test": "1"})
    preview = client.get(reverse("ecosystem:survey_open_preview") + "?title=<b>조사</b>")

    assert [message.envelope_recipients for message in smtp_server.messages] == [["staff@alliance.example.kr"]]
    assert smtp_server.messages[0]["Subject"].strip().startswith("[테스트] ")
    assert "/ecosystem/survey/sample-link/" in smtp_server.messages[0].get_body(("plain",)).get_content()
    assert "<b>조사</b>" not in preview.content.decode()
    assert MapSurvey.objects.count() == 0
