"""Browser tests in Debian's chromium: staff book on the day board from a phone (a double booking is refused
in Korean); an investor records interest after the meeting."""

import pytest
from playwright.sync_api import expect

from alliance.core.tests.factories import PASSWORD
from alliance.programs.models import Meeting
from alliance.programs.services.investment_meetings import book_meeting
from alliance.programs.tests.factories_investment import DayCompanyFactory, DeskFactory, InvestmentDayFactory
from conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_book_on_a_phone_and_a_double_booking_is_refused(phone_page, live_server, staff_user):
    day = InvestmentDayFactory()
    desk = DeskFactory(day=day, firm="알바트로스 인베스트먼트", person="")
    first, second = DayCompanyFactory(day=day), DayCompanyFactory(day=day)
    log_in(phone_page, live_server, staff_user.email, PASSWORD)
    phone_page.goto(f"{live_server.url}/programs/{day.programme.year}/investment/board/")

    for company in (first, second):
        phone_page.select_option("#id_desk", str(desk.pk))
        phone_page.select_option("#id_company", str(company.pk))
        phone_page.select_option("#id_slot", "15:20")
        phone_page.click("form[action$='/investment/book/'] button[type=submit]")
        phone_page.wait_for_load_state("load")

    expect(phone_page.locator(".message-error")).to_contain_text("알바트로스 인베스트먼트")
    assert list(Meeting.objects.values_list("company_id", "slot")) == [(first.pk, "15:20")]
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390


def test_investor_records_interest_after_the_meeting(page, live_server):
    day = InvestmentDayFactory()
    desk = DeskFactory(day=day)
    company = DayCompanyFactory(day=day, requests=[desk])
    meeting = book_meeting(actor=None, desk=desk, company=company, slot="16:00")
    log_in(page, live_server, desk.user.email, PASSWORD)
    page.goto(f"{live_server.url}/programs/my/meetings/")
    expect(page.locator("tbody tr")).to_have_count(1)

    page.click(f"a[href$='/programs/my/meetings/{meeting.pk}/interest/']")
    page.select_option("#id_interest", "high")
    page.fill("#id_note", "후속 IR 미팅 요청")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server.url}/programs/my/meetings/")

    meeting.refresh_from_db()
    assert (meeting.interest, meeting.interest_note, meeting.status) == ("high", "후속 IR 미팅 요청", "held")
