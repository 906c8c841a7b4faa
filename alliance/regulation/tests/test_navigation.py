"""Each role finds the regulation pages it may use: representatives the self-check and filings, the delegated
agency's liaison and staff the filings list, staff and the ethics subcommittee the checklist and statistics."""

import re

import pytest
from django.utils import timezone, translation

from alliance.agencies.tests.factories import AgencyFactory, LiaisonFactory
from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory


@pytest.fixture(autouse=True)
def english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


def regulation_tiles(client) -> list[tuple[str, str]]:
    html = client.get("/dashboard/").content.decode()
    cards = re.search(r'<ul class="card-list">(.*?)</ul>', html, re.S).group(1)
    return [tile for tile in re.findall(r'<a href="([^"]+)">([^<]+)</a>', cards) if tile[0].startswith("/regulation/")]


def test_a_representative_finds_the_self_check_and_filings(client, member_rep):
    client.force_login(member_rep)
    assert regulation_tiles(client) == [
        ("/regulation/ethics/", "Ethics self-check"),
        ("/regulation/filings/", "Platform operator filing"),
    ]


def test_the_delegated_agency_finds_the_filings_only(client, db):
    liaison = LiaisonFactory(agency=AgencyFactory(name="정보통신산업진흥원", short_name="NIPA")).user
    other = LiaisonFactory(agency=AgencyFactory(name="한국전파진흥협회", short_name="RAPA")).user
    client.force_login(liaison)
    assert regulation_tiles(client) == [("/regulation/filings/all/", "Platform filings")]
    client.force_login(other)
    assert regulation_tiles(client) == []


def test_staff_find_filings_checklist_and_statistics(client, db):
    client.force_login(UserFactory(role=Role.STAFF))
    year = timezone.localdate().year
    assert regulation_tiles(client) == [
        ("/regulation/filings/all/", "Platform filings"),
        ("/regulation/checklists/", "Ethics checklist"),
        (f"/regulation/ethics/statistics/{year}/", "Ethics self-check statistics"),
    ]
