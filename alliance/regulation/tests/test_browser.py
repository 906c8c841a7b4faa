"""Browser tests in Debian's chromium: a representative answers the ethics checklist on a phone (a draft first),
submits it and downloads the result PDF; the delegated agency returns a filing with comments, the company corrects
and submits it again, the agency receives it and the certificate's check page shows the number."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from alliance.agencies.tests.factories import AgencyFactory, LiaisonFactory
from alliance.core.roles import Role
from alliance.core.tests.factories import PASSWORD, UserFactory
from alliance.regulation.models import Filing, FilingState, SelfCheck
from alliance.regulation.services.checklist import start_year
from alliance.regulation.services.filings import submit_filing
from alliance.regulation.tests.factories import FilingFactory
from conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_representative_answers_on_a_phone_and_downloads_the_pdf(phone_page, live_server, organisation):
    start_year(actor=None, year=timezone.localdate().year, publish=True)
    rep = UserFactory(role=Role.MEMBER_REP, organisation=organisation, email="rep@example.kr")
    page = phone_page

    log_in(page, live_server, rep.email, PASSWORD)
    page.goto(f"{live_server.url}/dashboard/")
    page.get_by_role("link", name="윤리 자가점검").click()
    for number in range(1, 6):
        page.locator(f"input[name=item_{number}][value='5']").check()
    page.get_by_role("button", name="임시 저장").click()
    expect(page.locator(".messages")).to_contain_text("임시 저장했습니다.")
    expect(page.locator("input[name=item_3][value='5']")).to_be_checked()
    for number in range(6, 11):
        page.locator(f"input[name=item_{number}][value='{1 if number == 9 else 4}']").check()
    page.get_by_role("button", name="제출", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("자가점검을 제출했습니다.")
    expect(page.locator(".total-figure")).to_contain_text("84.0 / 100점")
    expect(page.locator(".low-item")).to_contain_text("알고리즘 오류 점검 및 개선 체계를 운영하도록 노력한다.")
    expect(page.locator("svg.profile-chart")).to_be_visible()

    href = page.get_by_role("link", name="결과 내려받기 (PDF)").get_attribute("href")
    response = page.request.get(f"{live_server.url}{href}")
    assert (response.status, response.headers["content-type"], response.body()[:5]) == (
        200,
        "application/pdf",
        b"%PDF-",
    )
    assert SelfCheck.objects.get().total == 84


def test_the_agency_returns_then_receives_a_filing(page, browser, live_server, organisation):
    liaison = LiaisonFactory(
        agency=AgencyFactory(name="정보통신산업진흥원", short_name="NIPA"), user__email="nipa@example.kr"
    )
    rep = UserFactory(role=Role.MEMBER_REP, organisation=organisation, email="rep@example.kr")
    filing = FilingFactory(organisation=organisation, platform_name="트윈팩토리")
    submit_filing(actor=rep, filing=filing)

    log_in(page, live_server, liaison.user.email, PASSWORD)
    page.goto(f"{live_server.url}/regulation/filings/all/")
    page.get_by_role("link", name="트윈팩토리").click()
    page.get_by_label("보완 요청").check()
    page.fill("#id_note", "매출액 증빙을 첨부해 주세요.")
    page.get_by_role("button", name="결정 기록").click()
    expect(page.locator(".messages")).to_contain_text("결정을 기록했습니다.")
    assert Filing.objects.get().state == FilingState.RETURNED

    company = browser.new_context(locale="ko-KR", viewport={"width": 390, "height": 844}, is_mobile=True)
    rep_page = company.new_page()
    log_in(rep_page, live_server, rep.email, PASSWORD)
    rep_page.goto(f"{live_server.url}/regulation/filings/{filing.pk}/")
    expect(rep_page.locator(".message-error")).to_contain_text("매출액 증빙을 첨부해 주세요.")
    rep_page.get_by_role("link", name="수정").click()
    rep_page.fill("#id_contact_phone", "031-777-0000")
    rep_page.get_by_role("button", name="임시 저장").click()
    rep_page.get_by_role("button", name="위탁기관에 제출").click()
    expect(rep_page.locator(".messages")).to_contain_text("신고서를 위탁기관에 제출했습니다.")
    company.close()

    page.reload()
    page.get_by_label("신고 접수").check()
    page.get_by_role("button", name="결정 기록").click()
    expect(page.locator("h1")).to_contain_text("접수 완료")
    received = Filing.objects.get()
    number = received.receipt_number
    assert number == f"제{timezone.localdate().year}-0001호"
    certificate = page.request.get(f"{live_server.url}/regulation/filings/{filing.pk}/certificate/")
    assert (certificate.status, certificate.body()[:5]) == (200, b"%PDF-")

    page.goto(f"{live_server.url}/regulation/check/{received.check_token}/")
    expect(page.locator("dl")).to_contain_text(number)
    expect(page.locator("dl")).not_to_contain_text("031-777-0000")
