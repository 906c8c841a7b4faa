"""Browser tests in Debian's chromium: staff book on the day board from a phone (a double booking is refused
in Korean); an investor records interest after the meeting; the printable grid shows its last investor column
on a 1366 px laptop."""

import pytest
from playwright.sync_api import expect

from alliance.core.tests.factories import PASSWORD
from alliance.members.tests.factories import OrganisationFactory
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


# The real day's desks (seed 005): seven columns, firm and person names as long as the secretariat writes them.
DESKS = [
    ("대성창업투자A", "김민준 수석팀장"),
    ("대성창업투자B", "김지연 수석팀장"),
    ("피앤아이 인베스트먼트", "박서준 이사"),
    ("미시간 벤처캐피탈", "이하은 심사역"),
    ("알바트로스 인베스트먼트", "정우진 파트너"),
    ("한국가상융합엑셀러레이터", "최예린 책임심사역"),
    ("법무법인 비트", "한도윤 변호사"),
]
GRID_BOX = """() => {
  const wrap = document.querySelector('.table-wrap');
  const last = document.querySelector('.investment-grid thead th:last-child').getBoundingClientRect();
  const box = wrap.getBoundingClientRect();
  return {
    lastRight: Math.ceil(last.right), boxRight: Math.ceil(box.right), viewport: innerWidth,
    scrolls: wrap.scrollWidth > wrap.clientWidth, page: document.scrollingElement.scrollWidth,
  };
}"""


def test_the_grid_shows_its_last_investor_column_on_a_1366_px_laptop(browser, live_server, staff_user):
    day = InvestmentDayFactory()
    desks = [DeskFactory(day=day, firm=firm, person=person) for firm, person in DESKS]
    names = ["주식회사 바름가람픽셀엔터테인먼트", "(주)그린소프트인터랙티브", "사단법인한국메타버스콘텐츠산업협회"]
    for index, desk in enumerate(desks):
        company = DayCompanyFactory(day=day, organisation=OrganisationFactory(name=f"{names[index % 3]}{index}"))
        book_meeting(actor=None, desk=desk, company=company, slot="14:00")
    context = browser.new_context(locale="ko-KR", viewport={"width": 1366, "height": 768})
    page = context.new_page()
    log_in(page, live_server, staff_user.email, PASSWORD)

    page.goto(f"{live_server.url}/programs/{day.programme.year}/investment/grid/")

    expect(page.locator(".investment-grid thead th").last).to_have_text("법무법인 비트 한도윤 변호사")
    box = page.evaluate(GRID_BOX)
    context.close()
    # The last column ends inside its box and the window; the box does not scroll; the page does not either.
    assert box["lastRight"] <= box["boxRight"] <= box["viewport"]
    assert (box["scrolls"], box["page"]) == (False, 1366)
