"""Browser tests in Debian's chromium: a visitor searches the directory; a representative edits its profile."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from alliance.core.tests.factories import PASSWORD
from alliance.members.models import Organisation
from alliance.members.tests.factories import OrganisationFactory
from conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def listed(organisation):
    OrganisationFactory(name="메타버스랩 주식회사", field_names=["XR 콘텐츠"], sido="경기")
    OrganisationFactory(name="(주)한빛소프트웨어", field_names=["클라우드"], sido="부산")
    return organisation


def _search_and_open(page, live_server) -> None:
    page.goto(f"{live_server.url}/member_companies")
    expect(page.locator(".company-card h2")).to_have_count(3)
    page.fill("#id_q", "트윈")
    page.press("#id_q", "Enter")
    expect(page.locator(".company-card h2")).to_have_text(["주식회사 젠"])
    expect(page.locator(".result-count")).to_contain_text("1개사")
    # Typing and Enter both search; let the last swap land before clicking into the results.
    page.wait_for_load_state("networkidle")
    page.click(".company-card h2 a")
    expect(page.locator("h1")).to_have_text("주식회사 젠")
    expect(page.locator(".company-page .tag")).to_have_text(["디지털트윈", "메타버스"])


def test_visitor_searches_in_korean_and_opens_company_page(page, live_server, listed):
    _search_and_open(page, live_server)

    assert page.url == f"{live_server.url}/member_companies/%EC%A3%BC%EC%8B%9D%ED%9A%8C%EC%82%AC%20%EC%A0%A0"


def test_visitor_searches_at_phone_width(phone_page, live_server, listed):
    _search_and_open(phone_page, live_server)

    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    phone_page.go_back()
    expect(phone_page.locator(".company-card h2")).to_have_text(["주식회사 젠"])
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390


def test_representative_updates_own_organisation_and_is_refused_another(page, live_server, member_rep, organisation):
    other = OrganisationFactory(name="다른회사", field_names=["AI"])
    log_in(page, live_server, member_rep.email, PASSWORD)

    page.goto(f"{live_server.url}/my/organisation/")
    page.fill("#id_employees", "42")
    page.fill("#id_sigungu", "서초구")
    page.get_by_label("AI", exact=True).check()
    page.click("form.profile-form button[type=submit]")

    expect(page.locator(".message-success")).to_have_count(1)
    assert re.fullmatch(rf"{live_server.url}/members/organisations/{organisation.pk}/edit/", page.url)
    organisation.refresh_from_db()
    assert (organisation.employees, organisation.sigungu) == (42, "서초구")
    assert sorted(organisation.fields.values_list("name", flat=True)) == ["AI", "디지털트윈", "메타버스"]

    response = page.goto(f"{live_server.url}/members/organisations/{other.pk}/edit/")

    assert response.status == 404
    assert Organisation.objects.get(pk=other.pk).employees is None


def _filter(page, action) -> None:
    """Change one control and wait until the list and the address bar follow it."""
    before = page.url
    action()
    page.wait_for_url(lambda url: url != before)
    page.wait_for_load_state("networkidle")


def _shown_filters(page) -> tuple[str, str, str]:
    return (page.input_value("#id_q"), page.input_value("#id_category"), page.input_value("#id_sido"))


@pytest.mark.parametrize("backs", [1, 2])
def test_after_back_the_form_shows_the_filters_that_produced_the_list(page, live_server, listed, backs):
    """Type, choose a category, then a region; open a company; Back once (the last list) or twice (the list
    before the region was chosen): the form always shows the filters of the list under it."""
    OrganisationFactory(name="주식회사 트윈대기업", category="large", sido="경기", field_names=["디지털트윈"])
    page.goto(f"{live_server.url}/member_companies")
    _filter(page, lambda: page.fill("#id_q", "트윈"))
    _filter(page, lambda: page.select_option("#id_category", "large"))
    _filter(page, lambda: page.select_option("#id_sido", "경기"))
    expect(page.locator(".company-card h2")).to_have_text(["주식회사 트윈대기업"])

    page.click(".company-card h2 a")
    expect(page.locator("h1")).to_have_text("주식회사 트윈대기업")
    for _ in range(backs):
        page.go_back()
    page.wait_for_load_state("networkidle")

    expected = ("트윈", "large", "경기") if backs == 1 else ("트윈", "large", "")
    query = parse_qs(urlsplit(page.url).query)
    in_url = tuple(query.get(name, [""])[0] for name in ("q", "category", "sido"))
    assert (in_url, _shown_filters(page)) == (expected, expected)
    expect(page.locator(".company-card h2")).to_have_text(["주식회사 트윈대기업"])
