"""Browser tests in Debian's chromium: a visitor opens /notice_board on a phone, a post and its attachment; an
agency liaison submits a promotion with an image from its own pages, staff accept it, and it appears on
/alliance_news."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from alliance.agencies.tests.factories import LiaisonFactory
from alliance.core.models import ReviewStatus
from alliance.core.roles import Role
from alliance.core.tests.factories import PASSWORD, UserFactory
from alliance.info.models import Category, Promotion
from alliance.info.tests.factories_board import MINIMAL_PDF, PostAttachmentFactory, PostFactory, png_bytes
from conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visitor_opens_the_notice_board_a_post_and_its_attachment(phone_page, live_server):
    PostFactory(title="사무국 휴무 안내")
    post = PostFactory(title="2026년 메타버스 프로젝트 그룹 지원사업 공고", category=Category.CALL, pinned=True)
    PostAttachmentFactory(post=post, original_name="지원사업 공고문.pdf")

    phone_page.goto(f"{live_server.url}/notice_board")
    expect(phone_page.locator(".board-title").first).to_have_text("2026년 메타버스 프로젝트 그룹 지원사업 공고")
    phone_page.get_by_role("link", name="2026년 메타버스 프로젝트 그룹 지원사업 공고").click()
    expect(phone_page.get_by_role("heading", level=1)).to_have_text("2026년 메타버스 프로젝트 그룹 지원사업 공고")
    expect(phone_page.locator(".board-body strong")).to_have_text("회원사")
    with phone_page.expect_download() as download:
        phone_page.get_by_role("link", name="지원사업 공고문.pdf").click()

    assert download.value.suggested_filename == "지원사업 공고문.pdf"
    assert open(download.value.path(), "rb").read() == MINIMAL_PDF  # noqa: PTH123, SIM115


def test_an_agency_submits_a_promotion_that_staff_accept(page, browser, live_server, tmp_path):
    liaison = LiaisonFactory(
        agency__name="정보통신산업진흥원", agency__short_name="NIPA", user__email="nipa@example.kr"
    )
    staff = UserFactory(role=Role.STAFF, email="staff@example.kr")
    poster = tmp_path / "포스터.png"
    poster.write_bytes(png_bytes(40, 30))

    log_in(page, live_server, liaison.user.email, PASSWORD)
    page.goto(f"{live_server.url}/dashboard/")
    page.get_by_role("link", name="우리 기관 홍보").click()
    page.get_by_role("link", name="홍보 제출").click()
    page.fill("#id_title", "XR 콘텐츠 제작지원 사업 설명회")
    page.fill("#id_body", "설명회에 **회원사**를 초대합니다.")
    today = timezone.localdate()
    page.fill("#id_starts_on", today.isoformat())
    page.fill("#id_ends_on", (today + datetime.timedelta(days=14)).isoformat())
    page.fill("#id_link", "https://www.nipa.kr/")
    page.set_input_files("#id_image_file", str(poster))
    page.fill("#id_image_alt", "설명회 포스터")
    page.get_by_role("button", name="검토 요청").click()
    expect(page.locator(".messages")).to_contain_text("홍보를 제출했습니다.")

    staff_context = browser.new_context(locale="ko-KR", viewport={"width": 1280, "height": 900})
    staff_page = staff_context.new_page()
    log_in(staff_page, live_server, staff.email, PASSWORD)
    staff_page.goto(f"{live_server.url}/info/promotions/")
    staff_page.get_by_role("link", name="XR 콘텐츠 제작지원 사업 설명회").click()
    staff_page.get_by_label("승인하고 게시").check()
    staff_page.get_by_role("button", name="결정 기록").click()
    expect(staff_page.locator(".messages")).to_contain_text("홍보를 승인했습니다.")
    staff_context.close()

    page.goto(f"{live_server.url}/alliance_news")
    page.get_by_role("link", name="XR 콘텐츠 제작지원 사업 설명회").click()
    expect(page.get_by_role("img", name="설명회 포스터")).to_be_visible()
    promotion = Promotion.objects.get()
    assert (promotion.status, promotion.post.category) == (ReviewStatus.APPLIED, Category.PROMOTION)


AXE_OPTIONS = {  # as alliance/portal/tests/test_public_pages_accessibility.py runs it on the other public pages
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}


@pytest.mark.parametrize("viewport", ["phone_page", "page"])
def test_the_boards_have_no_axe_violation(request, live_server, viewport):
    from axe_playwright_python.sync_playwright import Axe

    page, axe = request.getfixturevalue(viewport), Axe()
    page.set_default_navigation_timeout(30_000)
    notice = PostFactory(title="2026년 메타버스 프로젝트 그룹 지원사업 공고", category=Category.CALL, pinned=True)
    PostAttachmentFactory(post=notice, original_name="지원사업 공고문.pdf")
    news = PostFactory(board="news", category=Category.NEWS, title="얼라이언스 소식")
    pages = {
        "notices": "/notice_board",
        "notices searched": "/notice_board?q=지원사업&category=call",
        "notice": f"/notice_board/{notice.pk}",
        "news": "/alliance_news",
        "news post": f"/alliance_news/{news.pk}",
    }
    found = {}
    for name, path in pages.items():
        page.goto(live_server.url + path)
        violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
        found[name] = [f"{rule['id']}: {[node['target'] for node in rule['nodes'][:3]]}" for rule in violations]
        if page.evaluate("document.documentElement.scrollWidth") > page.viewport_size["width"]:
            found[name].append("scrolls sideways")
    assert found == {name: [] for name in pages}
