"""Personal links (alliance/core/links.py) and the `@personal_link` view declaration, apart from any app.
The census and the map survey test the same mechanism through their pages (test_census_links.py,
test_survey_links.py)."""

import datetime

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone

from alliance.core import links
from alliance.core.permissions import PERSONAL_LINK, personal_link

SEOUL = datetime.timezone(datetime.timedelta(hours=9))


def test_link_expiry_is_the_link_period_from_now_capped_by_the_end_of_the_closing_day(settings):
    settings.CENSUS_LINK_DAYS = 30
    now = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=SEOUL)

    far = links.link_expiry(closes_on=datetime.date(2026, 12, 31), now=now)
    near = links.link_expiry(closes_on=datetime.date(2026, 3, 10), now=now)
    open_ended = links.link_expiry(closes_on=None, now=now, days=3)

    assert far == now + datetime.timedelta(days=30)
    assert near == datetime.datetime(2026, 3, 11, 0, 0, tzinfo=SEOUL)
    assert open_ended == now + datetime.timedelta(days=3)
    assert links.last_day(near) == datetime.date(2026, 3, 10)


def test_personal_token_repeats_for_one_sending_and_differs_by_purpose_row_and_sending():
    sent = datetime.datetime(2026, 3, 2, 1, 2, 3, 456789, tzinfo=datetime.UTC)

    token = links.personal_token(purpose="census", pk=7, sent_at=sent)

    assert token == links.personal_token(purpose="census", pk=7, sent_at=sent)
    assert token != links.personal_token(purpose="survey", pk=7, sent_at=sent)
    assert token != links.personal_token(purpose="census", pk=8, sent_at=sent)
    assert token != links.personal_token(purpose="census", pk=7, sent_at=sent + datetime.timedelta(microseconds=1))
    assert len(token) == 43
    assert links.hash_token(token) != token


def test_unsent_hash_opens_no_link():
    token, digest = links.new_token()

    assert digest == links.hash_token(token)
    assert links.unsent_token_hash() != links.unsent_token_hash()


class _Link:
    """A stand-in row: `check_link` and `revive_link` read and write plain attributes."""

    def __init__(self, expires_at):
        self.expires_at = expires_at
        self.reminder_count = 0
        self.last_reminded_at = None


def test_expired_link_is_gone_until_a_reminder_revives_it(settings):
    settings.CENSUS_LINK_DAYS = 30
    now = timezone.now()
    link = _Link(now - datetime.timedelta(seconds=1))

    with pytest.raises(links.LinkGone):
        links.check_link(link, is_open=True, now=now)
    links.revive_link(link, closes_on=None, now=now)
    links.check_link(link, is_open=True, now=now)

    assert (link.expires_at, link.reminder_count, link.last_reminded_at) == (
        now + datetime.timedelta(days=30),
        1,
        now,
    )
    with pytest.raises(links.LinkGone):
        links.check_link(link, is_open=False, now=now)


@personal_link
def _respond(request, token):
    return HttpResponse(f"{request.method} {token}")


@pytest.mark.parametrize("method", ["get", "post"])
def test_personal_link_view_is_never_cached_and_sends_no_referrer(method):
    response = _respond(getattr(RequestFactory(), method)("/link/abc/"), token="abc")

    assert response.status_code == 200
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "no-store" in response.headers["Cache-Control"]
    assert "private" in response.headers["Cache-Control"]


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_personal_link_view_answers_405_to_other_methods(method):
    response = _respond(getattr(RequestFactory(), method)("/link/abc/"), token="abc")

    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, POST"


def test_personal_link_declaration_survives_the_wrapping():
    assert _respond.required_permission == PERSONAL_LINK
    assert _respond.__name__ == "_respond"
