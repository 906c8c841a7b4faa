"""The map survey's personal link on the shared mechanism (alliance/core/links.py). Its copy of the census
had drifted: the answer page could be cached and took any method; `@personal_link` now makes it never
cached, GET/POST only and sent without a Referer, like the census."""

import datetime
import re

import pytest
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from alliance.ecosystem.models import MapSurveyInvitation
from alliance.ecosystem.services.survey import open_map_survey
from alliance.ecosystem.tests.factories import small_taxonomy
from alliance.members.tests.factories import ContactFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def token(staff_user, organisation, smtp_server, settings):
    settings.SITE_URL = "http://testserver"
    ContactFactory(organisation=organisation, email="rep@zen.example.kr")
    with TestCase.captureOnCommitCallbacks(execute=True):
        open_map_survey(
            actor=staff_user,
            taxonomy=small_taxonomy()["taxonomy"],
            title="2026 생태계맵 조사",
            closes_on=timezone.localdate() + datetime.timedelta(days=30),
        )
    body = smtp_server.messages[0].get_body(("plain",)).get_content()
    return re.search(r"/ecosystem/survey/([^/\s]+)/", body).group(1)


def _url(token: str) -> str:
    return reverse("ecosystem:survey_respond", args=[token])


def test_survey_link_page_is_never_cached_and_sends_no_referrer(client, token):
    page = client.get(_url(token))

    assert page.status_code == 200
    assert page.headers["Referrer-Policy"] == "same-origin"
    assert "no-store" in page.headers["Cache-Control"]


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_survey_link_page_refuses_other_methods(client, token, method):
    assert getattr(client, method)(_url(token)).status_code == 405


def test_survey_unknown_token_is_404_and_expired_is_410(client, token):
    MapSurveyInvitation.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))

    assert client.get(_url("no-such-token")).status_code == 404
    assert client.get(_url(token)).status_code == 410
