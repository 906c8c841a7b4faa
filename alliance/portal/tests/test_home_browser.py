"""In a real browser at a small phone's width (360 px): a visitor reads the front page — the key figures, the
newest reports, the newsletter — without scrolling sideways, and follows the newest report to its page."""

import datetime

import pytest

from alliance.info.models import Edition
from alliance.info.tests.factories_archive import PublisherFactory, ReportFactory
from alliance.info.tests.factories_newsletter import EditionFactory, EditionItemFactory
from alliance.members.tests.factories import OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG_TITLE = "가상융합산업실태조사결과보고서및메타버스플랫폼생태계활성화를위한정책과제연구(최종보고서)"


@pytest.fixture
def small_phone(browser, live_server):
    context = browser.new_context(locale="ko-KR", viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_a_visitor_on_a_phone_reads_the_front_page_and_opens_the_newest_report(small_phone, live_server):
    OrganisationFactory()
    spri = PublisherFactory(name="SPRI")
    ReportFactory(title="지난달 보고서", posted_on=datetime.date(2025, 10, 1), publisher=spri)
    ReportFactory(title=LONG_TITLE, posted_on=datetime.date(2025, 11, 25), publisher=spri)
    edition = EditionFactory(publishing_date=datetime.date(2026, 12, 4), subject="데일리 뉴스레터 12월 4일호")
    Edition.objects.filter(pk=edition.pk).update(state=Edition.State.SENT)
    EditionItemFactory(edition=edition, title="가상융합 산업 소식")

    # The live server's first request loads every app's URLconf and views: on a loaded machine it may take long.
    small_phone.goto(live_server.url + "/", timeout=120_000)

    assert small_phone.evaluate("() => document.scrollingElement.scrollWidth") <= 360
    reports = small_phone.get_by_role("region", name="최신 동향 보고서")
    assert reports.get_by_role("listitem").all_inner_texts() == [
        f"{LONG_TITLE}\nSPRI · 2025. 11. 25.",
        "지난달 보고서\nSPRI · 2025. 10. 1.",
    ]
    newsletter = small_phone.get_by_role("region", name="데일리 뉴스레터")
    assert newsletter.get_by_role("link", name="데일리 뉴스레터 12월 4일호").is_visible()
    figures = small_phone.get_by_role("region", name="숫자로 보는 얼라이언스")
    assert figures.get_by_role("link").all_inner_texts() == ["회원사\n1개사"]

    reports.get_by_role("link", name=LONG_TITLE).click()

    small_phone.get_by_role("heading", level=1, name=LONG_TITLE).wait_for()
    assert small_phone.evaluate("() => document.scrollingElement.scrollWidth") <= 360
