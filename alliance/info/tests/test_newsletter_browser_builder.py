"""Browser test in Debian's chromium: staff build an edition (a feed item from the candidates, an item written by
hand, reordered in place with htmx), preview it, read the e-mail at phone width (it fits 390px without sideways
scrolling) and schedule it."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from alliance.core.roles import Role
from alliance.core.tests.factories import PASSWORD, UserFactory
from alliance.info.models import Edition
from alliance.info.tests.factories_newsletter import FeedItemFactory, publishing_day_after
from conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_build_preview_at_phone_width_and_schedule_an_edition(page, browser, live_server):
    staff = UserFactory(role=Role.STAFF, email="newsletter@example.kr")
    FeedItemFactory(title="XR 기기 확산 부문 올레도스 한중 각축전", feed__name="가상융합 뉴스")
    day = publishing_day_after(timezone.localdate() + datetime.timedelta(days=2))

    page.set_default_timeout(60_000)  # a shared, busy machine: waiting longer is no timing assertion
    log_in(page, live_server, staff.email, PASSWORD)
    page.goto(f"{live_server.url}/newsletter/editions/")
    page.fill("#id_publishing_date", day.isoformat())
    page.get_by_role("button", name="뉴스레터 만들기").click()
    expect(page.locator(".messages")).to_contain_text("뉴스레터를 만들었습니다.")
    page.get_by_role("button", name="추가: XR 기기 확산 부문 올레도스 한중 각축전").click()
    expect(page.locator("#section-domestic")).to_have_text("국내 NEWS")
    page.select_option("#id_section", "domestic")
    page.fill("#id_title", "롯데에너지서비스, 산업 현장 AI 활용 확대")
    page.fill("#id_tags", "AX 전환 관점")
    page.get_by_role("button", name="항목 추가").click()
    items = page.locator("#section-domestic + ol .edition-item strong")
    expect(items).to_have_text(["XR 기기 확산 부문 올레도스 한중 각축전", "롯데에너지서비스, 산업 현장 AI 활용 확대"])
    page.get_by_role("button", name="위로 이동: 롯데에너지서비스, 산업 현장 AI 활용 확대").click()
    expect(items).to_have_text(["롯데에너지서비스, 산업 현장 AI 활용 확대", "XR 기기 확산 부문 올레도스 한중 각축전"])

    page.get_by_role("link", name="미리보기(PC·휴대폰)").click()
    expect(page.locator("iframe")).to_have_count(2)
    edition = Edition.objects.get(publishing_date=day)

    phone = browser.new_context(locale="ko-KR", viewport={"width": 390, "height": 844}, is_mobile=True)
    phone_page = phone.new_page()
    phone_page.set_default_timeout(60_000)
    log_in(phone_page, live_server, staff.email, PASSWORD)
    phone_page.goto(f"{live_server.url}/newsletter/editions/{edition.pk}/email.html")
    expect(phone_page.get_by_role("heading", name="국내 NEWS")).to_be_visible()
    overflow = phone_page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow == 0
    assert phone_page.evaluate("document.scripts.length") == 0
    phone.close()

    page.get_by_role("link", name="뉴스레터로 돌아가기").click()
    page.get_by_role("button", name="발송 예약", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("발송을 예약했습니다.")
    edition.refresh_from_db()
    assert edition.state == Edition.State.SCHEDULED
