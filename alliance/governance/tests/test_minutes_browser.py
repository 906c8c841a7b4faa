"""Browser test in Debian's chromium at phone width: staff circulate the minutes of a meeting to its attendees
(through the confirmation page, real SMTP), then confirm them once the comments are in."""

import pytest
from playwright.sync_api import expect

from alliance.core.tests.factories import PASSWORD
from alliance.governance.models import MinutesState
from alliance.governance.services import minutes as service
from alliance.governance.tests.factories_minutes import attended_meeting
from conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_circulate_and_then_confirm_the_minutes_on_a_phone(phone_page, live_server, smtp_server, staff_user):
    page = phone_page
    meeting, _people = attended_meeting()
    service.start_minutes(actor=staff_user, meeting=meeting)
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)

    log_in(page, live_server, staff_user.email, PASSWORD)
    page.goto(f"{live_server.url}/governance/meetings/{meeting.pk}/minutes/")
    page.fill("input[name=comments_due]", "2099-12-31")
    page.get_by_role("button", name="참석자에게 회람").click()
    expect(page.locator(".confirm-count")).to_have_text("3명")
    width = page.evaluate("document.documentElement.scrollWidth")
    page.locator("button.confirm-go").click()
    expect(page.locator(".messages")).to_contain_text("참석자 3명에게 회의록을 회람했습니다.")
    expect(page.get_by_role("heading", name="제1판 · 의견 수렴 중")).to_be_visible()

    page.get_by_role("button", name="회의록 확정").click()
    expect(page.get_by_role("heading", name="제1판 · 확정")).to_be_visible()
    assert width <= 390
    version = meeting.minutes.versions.get()
    assert version.state == MinutesState.CONFIRMED
    assert version.confirmed_by == staff_user
    assert sorted(m["To"] for m in smtp_server.messages) == ["seat0@example.kr", "seat1@example.kr", "seat2@example.kr"]
    assert [error for error in errors if "Content Security Policy" in error] == []
