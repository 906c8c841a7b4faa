"""Browser test in Debian's chromium on a phone-sized page: a member's representative finds the coming event
from the events page, sees its programme, registers (the form prefilled from the account), and cancels; the
first person waiting moves up."""

import pytest
from playwright.sync_api import expect

from alliance.core.roles import Role
from alliance.core.tests.factories import PASSWORD, UserFactory
from alliance.events.models import Registration
from alliance.events.services.registration import register
from alliance.events.tests.factories import EventFactory, ProgrammeRowFactory
from alliance.members.tests.factories import OrganisationFactory
from conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_member_registers_and_cancels(phone_page, live_server):
    event = EventFactory(title="2026 메타버스 얼라이언스 성과공유회", capacity=1, open_to_public=False)
    ProgrammeRowFactory(event=event, section="행사개회", content="개회사")
    rep = UserFactory(role=Role.MEMBER_REP, organisation=OrganisationFactory(name="주식회사 젠"), name="김대표")
    page = phone_page

    log_in(page, live_server, rep.email, PASSWORD)
    page.goto(f"{live_server.url}/events/")
    page.get_by_role("link", name="2026 메타버스 얼라이언스 성과공유회").click()
    expect(page.get_by_role("table")).to_contain_text("개회사")
    expect(page.get_by_label("성명")).to_have_value("김대표")
    page.get_by_role("button", name="참가 신청").click()
    expect(page.locator(".messages")).to_contain_text("참가 신청이 확정되었습니다")
    expect(page.locator(".registration-status")).to_contain_text("이 행사에 참가 신청이 확정되었습니다.")

    waiting = register(event=event, name="대기자", email="wait@example.kr", source="member")
    assert waiting.status == Registration.Status.WAITING

    page.get_by_role("button", name="참가 신청 취소").click()
    expect(page.locator(".messages")).to_contain_text("참가 신청이 취소되었습니다.")
    expect(page.get_by_role("button", name="참가 신청", exact=True)).to_be_visible()
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
