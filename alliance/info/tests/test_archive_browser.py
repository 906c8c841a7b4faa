"""In a real browser: a visitor searches the report archive in Korean — spaced, with a particle — sees the
matching passage with the word marked, narrows by year, and opens the report."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from alliance.info.demo_archive_files import docx_bytes
from alliance.info.services import archive
from alliance.info.tests.factories_archive import PublisherFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def add(title, paragraphs, posted_on):
    return archive.create_report(
        actor=None,
        posted_on=posted_on,
        publisher=PublisherFactory(name="SPRI"),
        title=title,
        uploads=[SimpleUploadedFile("본문.docx", docx_bytes(title, paragraphs))],
    )


def test_a_visitor_searches_the_archive_in_korean_and_opens_a_report(page, live_server):
    add("제조 혁신 전략", ["스마트 공장에 디지털트윈을 도입한 사례를 분석하였다."], datetime.date(2025, 3, 4))
    add("공장 자동화 동향", ["디지털트윈 기술의 시장 규모를 정리하였다."], datetime.date(2024, 6, 1))
    add("가상융합 정책", ["메타버스 플랫폼의 책임을 다룬다."], datetime.date(2025, 5, 1))

    page.goto(f"{live_server.url}/metabus_trends_reports", timeout=60_000)  # the first page a fresh server renders
    page.get_by_label("보고서 검색").fill("디지털 트윈을")
    page.get_by_role("button", name="검색", exact=True).click()

    results = page.locator("#archive-results tbody tr")
    results.first.wait_for()
    assert results.count() == 2
    assert page.locator("#archive-results mark").first.inner_text() == "디지털트윈"

    page.get_by_label("연도").select_option("2025")
    page.get_by_role("button", name="검색", exact=True).click()
    page.wait_for_url("**year=2025**")
    assert results.count() == 1
    assert page.get_by_label("보고서 검색").input_value() == "디지털 트윈을"

    page.get_by_role("link", name="제조 혁신 전략").click()
    page.get_by_role("heading", name="제조 혁신 전략").wait_for()
    assert "/metabus_trends_reports/" in page.url
