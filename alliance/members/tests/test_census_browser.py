"""A member representative answers the census on a phone, through the personal link, without an account."""

import pytest

from alliance.members.models import CensusResponse
from alliance.members.tests.factories import OrganisationFactory
from alliance.members.tests.test_census_support import invite, korean, make_round  # noqa: F401  fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("korean")]


def test_respondent_corrects_employees_on_a_phone(phone_page, live_server):
    organisation = OrganisationFactory(name="주식회사 젠", employees=30)
    invite(make_round(), organisation, token="phone-token")

    phone_page.goto(f"{live_server.url}/census/phone-token/")
    phone_page.fill("input[name=employees]", "42")
    phone_page.fill("input[name=respondent_name]", "홍길동")
    phone_page.click("button[value=submit]")
    phone_page.wait_for_selector(".message-success")

    notice = phone_page.inner_text(".message-success")
    assert notice == "감사합니다. 수정하신 내용은 사무국 검토 후 반영됩니다."
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width == 390
    answer = CensusResponse.objects.get()
    assert (answer.status, answer.changes) == ("pending", {"employees": {"before": 30, "after": 42}})
