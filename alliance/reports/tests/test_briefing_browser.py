"""Browser test in Debian's chromium: staff open the briefings from the staff menu, generate the 2025 Q4 briefing
for the steering meeting, rewrite the member section's sentence, and freeze it; the frozen page offers no edit."""

import pytest
from playwright.sync_api import expect

from alliance.core.roles import Role
from alliance.core.tests.factories import PASSWORD, UserFactory
from alliance.reports.models import QuarterlyBriefing
from alliance.reports.tests.briefing_world import build_world
from conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_generate_edit_and_freeze_a_briefing(page, live_server, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    build_world()
    staff = UserFactory(role=Role.STAFF, email="briefing-staff@example.kr")
    log_in(page, live_server, staff.email, PASSWORD)
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="운영위원회 자료").first.click()
    page.select_option("#id_year", "2025")
    page.select_option("#id_quarter", "4")
    page.select_option("#id_meeting", index=1)
    page.get_by_role("button", name="만들기", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("플랫폼 데이터로 자료를 만들었습니다.")
    expect(page.locator("h1")).to_contain_text("제4차 운영위원회 자료")
    page.locator("#section-members").get_by_role("link", name="본문 수정").click()
    text = page.locator("#id_text")
    expect(text).to_have_value("[표 1]\n- ’24년 대비 2개사 증가")
    text.fill("[표 1]\n- ’24년 말보다 2개사 늘었습니다.")
    page.get_by_role("button", name="저장", exact=True).click()
    expect(page.locator("#section-members")).to_contain_text("’24년 말보다 2개사 늘었습니다.")
    page.get_by_role("button", name="발송본으로 확정").click()
    expect(page.locator(".messages")).to_contain_text("자료를 확정했습니다.")
    expect(page.get_by_role("link", name="본문 수정")).to_have_count(0)
    briefing = QuarterlyBriefing.objects.get()
    assert briefing.is_frozen
    assert sorted(briefing.files.values_list("format", flat=True)) == ["docx", "hwpx", "pdf"]
