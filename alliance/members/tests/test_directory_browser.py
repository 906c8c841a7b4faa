"""Browser tests in Debian's chromium: a visitor searches the directory; a representative edits its profile."""

import re

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
    other = OrganisationFactory(name="다른회사")
    log_in(page, live_server, member_rep.email, PASSWORD)

    page.goto(f"{live_server.url}/my/organisation/")
    page.fill("#id_employees", "42")
    page.fill("#id_sigungu", "서초구")
    page.fill("#id_field_names", "디지털트윈, 메타버스, AI")
    page.click("form.profile-form button[type=submit]")

    expect(page.locator(".message-success")).to_have_count(1)
    assert re.fullmatch(rf"{live_server.url}/members/organisations/{organisation.pk}/edit/", page.url)
    organisation.refresh_from_db()
    assert (organisation.employees, organisation.sigungu) == (42, "서초구")
    assert sorted(organisation.fields.values_list("name", flat=True)) == ["AI", "디지털트윈", "메타버스"]

    response = page.goto(f"{live_server.url}/members/organisations/{other.pk}/edit/")

    assert response.status == 404
    assert Organisation.objects.get(pk=other.pk).employees is None
