"""The directory's first page and the front page are kept rendered for anonymous visitors (core/page_cache.py)
until the registry changes; each visitor still gets a CSRF token of their own."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from alliance.core import frontpage
from alliance.members.membership import registry_changed
from alliance.members.models import BusinessField, Organisation
from alliance.members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
DIRECTORY = reverse("members:directory")
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 3600


def visit(client, url=DIRECTORY):
    response = client.get(url)
    assert response.status_code == 200
    return response.get("X-Page-Cache"), response.content.decode()


def test_the_directory_is_served_from_the_cache_until_an_organisation_is_written(client):
    OrganisationFactory(name="주식회사 젠")

    first, second = visit(client), visit(client)
    OrganisationFactory(name="주식회사 새싹")
    third = visit(client)

    assert (first[0], second[0], third[0]) == ("miss", "hit", "miss")
    assert ("주식회사 젠" in second[1], "주식회사 새싹" in second[1], "주식회사 새싹" in third[1]) == (
        True,
        False,
        True,
    )


def test_a_field_added_to_an_organisation_shows_at_once(client):
    organisation = OrganisationFactory(name="주식회사 젠", field_names=("메타버스",))
    visit(client)
    field = BusinessField.objects.create(name="디지털트윈")

    organisation.fields.add(field)

    assert visit(client)[0] == "miss"


def test_each_visitor_gets_a_csrf_token_of_their_own_that_works(client):
    OrganisationFactory(name="주식회사 젠")
    first_token = TOKEN.search(visit(client)[1]).group(1)
    visitor = Client(enforce_csrf_checks=True)

    served, page = visit(visitor)
    token = TOKEN.search(page).group(1)
    answer = visitor.post(reverse("core:set_language"), {"language": "en", "csrfmiddlewaretoken": token})

    assert (served, token != first_token, "__page-cache" in page) == ("hit", True, False)
    assert answer.status_code == 302


def test_signed_in_users_and_visitors_with_a_pending_message_are_never_served_from_the_cache(client, staff_user):
    visit(client)
    with_message = Client()
    with_message.cookies["messages"] = "x"
    client.force_login(staff_user)

    assert (visit(client)[0], visit(with_message)[0]) == (None, None)


def test_a_search_is_not_cached(client):
    visit(client, DIRECTORY + "?q=젠")

    assert visit(client, DIRECTORY + "?q=젠")[0] is None


def test_the_front_page_follows_the_member_count(client, monkeypatch):
    monkeypatch.setattr(frontpage, "version", lambda now=None: "fixed")  # no minute boundary between the visits
    OrganisationFactory(name="주식회사 젠")
    first, second = visit(client, "/"), visit(client, "/")
    Organisation.objects.update(withdrawn_on="2024-12-31")  # a bulk write, as the importer's, says so itself
    registry_changed()

    assert (first[0], second[0], visit(client, "/")[0]) == ("miss", "hit", "miss")


def test_page_cache_seconds_zero_turns_it_off(client, settings):
    settings.PAGE_CACHE_SECONDS = 0

    assert (visit(client)[0], visit(client)[0]) == (None, None)
