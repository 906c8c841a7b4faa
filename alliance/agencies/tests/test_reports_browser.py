"""Browser test in Debian's chromium: an agency liaison writes a quarterly report, attaches a photo and submits
it; staff return it with a comment from the reporting grid; the liaison reads the comment, completes the report
and submits it again; staff accept it."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from alliance.agencies.models import QuarterlyReport
from alliance.agencies.tests.factories import LiaisonFactory, PlanItemFactory
from alliance.core.models import ReviewStatus
from alliance.core.roles import Role
from alliance.core.tests.factories import PASSWORD, UserFactory
from conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_liaison_files_a_report_that_staff_return_and_then_accept(page, browser, live_server, tmp_path):
    year = timezone.localdate().year
    liaison = LiaisonFactory(
        agency__name="정보통신기획평가원", agency__short_name="IITP", user__email="iitp@example.kr"
    )
    item = PlanItemFactory(plan__agency=liaison.agency, plan__year=year, text="R&D 과제 성과 설명회 개최")
    staff = UserFactory(role=Role.STAFF, email="staff@example.kr")
    photo = tmp_path / "설명회.png"
    photo.write_bytes(PNG)
    text = f"#id_item{item.pk}-text"

    log_in(page, live_server, liaison.user.email, PASSWORD)
    page.goto(f"{live_server.url}/agencies/mine/")
    page.get_by_role("link", name="보고 작성").first.click()
    page.fill(text, "KMF 2026에서 R&D 과제 성과 설명회 개최")
    page.fill(f"#id_item{item.pk}-figures", "12개 기관 참여")
    page.get_by_role("button", name="저장", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("보고를 저장했습니다.")
    page.set_input_files(f"#file-{item.pk}", str(photo))
    page.get_by_role("button", name="첨부", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("파일을 첨부했습니다.")
    page.get_by_role("button", name="보고 제출").click()
    expect(page.locator(".messages")).to_contain_text("사무국에 보고를 제출했습니다.")
    report_url = page.url

    staff_context = browser.new_context(locale="ko-KR", viewport={"width": 390, "height": 844}, is_mobile=True)
    staff_page = staff_context.new_page()
    log_in(staff_page, live_server, staff.email, PASSWORD)
    staff_page.goto(f"{live_server.url}/agencies/reports/{year}/")
    staff_page.get_by_role("link", name="제출됨(검토 대기)").click()
    expect(staff_page.locator(".report-files")).to_contain_text("설명회.png")
    staff_page.fill("#id_note", "참석 기관 명단을 덧붙여 주세요.")
    staff_page.get_by_role("button", name="보완 요청").click()
    expect(staff_page.locator(".messages")).to_contain_text("검토 결과를 저장했습니다.")

    page.goto(report_url)
    expect(page.locator(".message-warning")).to_contain_text("참석 기관 명단을 덧붙여 주세요.")
    page.fill(text, "KMF 2026에서 R&D 과제 성과 설명회 개최(참석: 12개 연구기관)")
    page.get_by_role("button", name="저장", exact=True).click()
    page.get_by_role("button", name="보고 제출").click()
    expect(page.locator(".messages")).to_contain_text("사무국에 보고를 제출했습니다.")

    staff_page.goto(f"{live_server.url}/agencies/reports/{year}/")
    staff_page.get_by_role("link", name="제출됨(검토 대기)").click()
    staff_page.get_by_role("button", name="승인").click()
    expect(staff_page.locator(".report-facts")).to_contain_text("승인")
    staff_context.close()

    report = QuarterlyReport.objects.get()
    assert (report.status, report.entries.get().text) == (
        ReviewStatus.APPLIED,
        "KMF 2026에서 R&D 과제 성과 설명회 개최(참석: 12개 연구기관)",
    )
