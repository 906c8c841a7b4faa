"""Browser test in Debian's chromium at phone width: staff announce the call through the confirmation page —
the count, the e-mail preview in its frame, a test send to themselves, then the confirmed sending (real SMTP)."""

import pytest
from playwright.sync_api import expect

from alliance.core.models import DeliveryRecipient
from alliance.core.roles import Role
from alliance.core.tests.factories import PASSWORD, UserFactory
from alliance.members.tests.factories import OrganisationFactory
from alliance.programs.tests.factories import ProgrammeFactory, representative
from conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_announce_the_call_through_the_confirmation_page_on_a_phone(phone_page, live_server, smtp_server):
    page = phone_page
    programme = ProgrammeFactory(year=2026, call_open=True, name="2026 프로젝트 그룹")
    for n in range(3):
        representative(OrganisationFactory(name=f"회원사 {n}"), email=f"rep{n}@member.example.kr")
    staff = UserFactory(role=Role.STAFF, email="staff@alliance.example.kr")
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)

    log_in(page, live_server, staff.email, PASSWORD)
    page.goto(f"{live_server.url}/programs/manage/{programme.pk}/")
    page.get_by_role("button", name="모집 안내 메일 보내기").click()
    expect(page.locator(".confirm-count")).to_have_text("3명")
    expect(page.frame_locator("iframe.email-preview").locator("body")).to_contain_text("2026 프로젝트 그룹")
    page.get_by_role("button", name="나에게 테스트 발송").click()
    expect(page.locator(".confirm .message-success")).to_contain_text("staff@alliance.example.kr")
    assert DeliveryRecipient.objects.count() == 0
    width = page.evaluate("document.documentElement.scrollWidth")
    page.locator("button.confirm-go").click()

    expect(page.locator(".messages")).to_contain_text("모집 안내")
    assert width <= 390
    assert (
        DeliveryRecipient.objects.filter(delivery__kind="programs.call", delivery__target_id=programme.pk).count() == 3
    )
    assert sorted(tuple(message.envelope_recipients) for message in smtp_server.messages) == [
        ("rep0@member.example.kr",),
        ("rep1@member.example.kr",),
        ("rep2@member.example.kr",),
        ("staff@alliance.example.kr",),
    ]
    assert [error for error in errors if "Content Security Policy" in error] == []
