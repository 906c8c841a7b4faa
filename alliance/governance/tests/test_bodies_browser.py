"""Browser test in Debian's chromium: a member representative joins an open subcommittee from the menu, on a
phone, and leaves it again."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from alliance.core.tests.factories import PASSWORD
from alliance.governance.models import Participation
from alliance.governance.tests.factories import SubcommitteeFactory
from conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_member_joins_a_subcommittee(phone_page, live_server, member_rep, organisation):
    body = SubcommitteeFactory(
        year=timezone.localdate().year, name="상생협력", description="표준계약서 개정안을 마련합니다."
    )
    page = phone_page
    log_in(page, live_server, member_rep.email, PASSWORD)
    page.goto(f"{live_server.url}/dashboard/")
    page.get_by_role("link", name="회원사 참여 분과").first.click()
    expect(page.locator("h1")).to_contain_text("회원사 참여 분과")
    page.get_by_role("button", name="분과 참여하기").click()
    expect(page.locator("h1")).to_have_text(f"{body.year} 상생협력")
    expect(page.get_by_text("우리 회사가 이 분과에 참여하고 있습니다.")).to_be_visible()
    assert Participation.objects.get(body=body, left_on__isnull=True).organisation == organisation
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.get_by_role("button", name="분과 참여 그만두기").click()
    expect(page.get_by_role("button", name="분과 참여하기")).to_be_visible()
    assert Participation.objects.get(body=body).left_on == timezone.localdate()
