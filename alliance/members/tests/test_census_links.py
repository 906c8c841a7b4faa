"""The census personal link on the shared mechanism (alliance/core/links.py): a link expires and a reminder
revives it, an unknown token is 404 and a gone one 410, and the page is never cached, GET/POST only and
sent without a Referer."""

import datetime
import re

import pytest
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from alliance.members.models import CensusInvitation
from alliance.members.services.census import close_census_round, open_census_round, remind_non_responders
from alliance.members.tests.factories import ContactFactory, OrganisationFactory
from alliance.members.tests.test_census_support import korean  # noqa: F401  fixture

pytestmark = pytest.mark.usefixtures("korean")

LINK = re.compile(r"/census/([A-Za-z0-9_-]+)/")


@pytest.fixture
def opened(staff_user, smtp_server, settings):
    settings.SITE_URL = "http://testserver"
    zen = OrganisationFactory(name="주식회사 젠")
    ContactFactory(organisation=zen, email="kim@zen.example.kr", is_primary=True)
    with TestCase.captureOnCommitCallbacks(execute=True):
        opened = open_census_round(
            actor=staff_user, title="2026 조사", closes_on=timezone.localdate() + datetime.timedelta(days=60)
        )
    return opened.census_round


def _token(message) -> str:
    return LINK.search(message.get_body(("plain",)).get_content()).group(1)


def _url(token: str) -> str:
    return reverse("members:census_respond", args=[token])


def test_expired_link_is_gone_and_a_reminder_revives_the_same_link(client, staff_user, smtp_server, opened):
    token = _token(smtp_server.messages[0])
    CensusInvitation.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))

    gone = client.get(_url(token))
    with TestCase.captureOnCommitCallbacks(execute=True):
        reminded = remind_non_responders(actor=staff_user, census_round=opened)
    revived = client.get(_url(token))

    assert gone.status_code == 410
    assert reminded == 1
    assert [_token(message) for message in smtp_server.messages] == [token, token]
    assert revived.status_code == 200
    invitation = CensusInvitation.objects.get()
    assert invitation.expires_at > timezone.now()
    assert invitation.reminder_count == 1


def test_unknown_token_is_404_and_a_closed_round_is_410(client, staff_user, smtp_server, opened):
    token = _token(smtp_server.messages[0])
    close_census_round(actor=staff_user, census_round=opened)

    assert client.get(_url("no-such-token")).status_code == 404
    assert client.get(_url(token)).status_code == 410


def test_census_link_page_is_never_cached_get_post_only_and_without_referrer(client, smtp_server, opened):
    url = _url(_token(smtp_server.messages[0]))

    page = client.get(url)

    assert page.status_code == 200
    assert page.headers["Referrer-Policy"] == "same-origin"
    assert "no-store" in page.headers["Cache-Control"]
    assert client.put(url).status_code == 405
    assert client.delete(url).status_code == 405
