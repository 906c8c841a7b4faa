"""The newsletter's pages: the staff builder through HTTP, the preview's e-mail frame, the public web archive."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from alliance.info.models import Edition
from alliance.info.services.newsletter_search import index_missing_editions
from alliance.info.tests.factories_archive import ReportFactory
from alliance.info.tests.factories_newsletter import (
    EditionFactory,
    EditionItemFactory,
    FeedItemFactory,
    publishing_day_after,
)

pytestmark = pytest.mark.django_db


def test_staff_build_and_schedule_an_edition(client, staff_user):
    client.force_login(staff_user)
    day = publishing_day_after(timezone.localdate() + datetime.timedelta(days=3))
    feed_item = FeedItemFactory(title="롯데에너지서비스, 산업 현장 AI 활용 확대")
    response = client.post(reverse("info:edition_list"), {"publishing_date": day.isoformat()})
    edition = Edition.objects.get(publishing_date=day)
    assert response.url == reverse("info:edition_detail", kwargs={"pk": edition.pk})
    page = client.get(response.url).content.decode()
    assert "롯데에너지서비스, 산업 현장 AI 활용 확대" in page  # a candidate
    client.post(reverse("info:edition_item_add", kwargs={"pk": edition.pk}), {"candidate": f"feed:{feed_item.pk}"})
    client.post(
        reverse("info:edition_item_add", kwargs={"pk": edition.pk}),
        {
            "section": "calls",
            "title": "2026년 메타버스허브 입주기업 모집",
            "tags": "AX 전환 관점",
            "summary": "",
            "link": "",
        },
    )
    item = edition.items.get(section="calls")
    assert (item.title, item.tags) == ("2026년 메타버스허브 입주기업 모집", ["AX 전환 관점"])
    moved = client.post(
        reverse("info:edition_item_move", kwargs={"pk": item.pk}), {"direction": "up"}, HTTP_HX_REQUEST="true"
    )
    assert moved.status_code == 200
    assert 'id="sections"' in moved.content.decode()
    client.post(reverse("info:edition_schedule", kwargs={"pk": edition.pk}))
    edition.refresh_from_db()
    assert edition.state == Edition.State.SCHEDULED
    assert timezone.localtime(edition.send_at) == timezone.make_aware(
        datetime.datetime.combine(day, datetime.time(8, 30))
    )


def test_a_non_publishing_day_is_refused_with_the_reason(client, staff_user):
    client.force_login(staff_user)
    response = client.post(reverse("info:edition_list"), {"publishing_date": "2027-02-09"})
    assert "2027. 2. 9.: 발행일이 아닙니다(주말, 공휴일 또는 임시공휴일)." in response.content.decode()
    assert not Edition.objects.exists()


def test_the_preview_frame_allows_inline_styles_only(client, staff_user):
    client.force_login(staff_user)
    edition = EditionFactory(publishing_date=datetime.date(2026, 11, 16))
    EditionItemFactory(edition=edition)
    response = client.get(reverse("info:edition_email", kwargs={"pk": edition.pk}))
    assert response["Content-Security-Policy"] == (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; frame-ancestors 'self'"
    )
    assert "<table" in response.content.decode()
    page = client.get(reverse("info:edition_preview", kwargs={"pk": edition.pk})).content.decode()
    assert page.count("sandbox") == 2
    assert "style=" not in page


def test_the_web_archive_lists_sent_editions_by_month_and_searches_them_in_korean(client):
    sent = EditionFactory(publishing_date=datetime.date(2026, 11, 16), subject="뉴스레터 11월 16일", state="sent")
    EditionItemFactory(edition=sent, title="XR 기기 확산 부문 올레도스 한중 각축전", summary="디지털트윈 실증 확대")
    EditionFactory(publishing_date=datetime.date(2026, 10, 15), subject="데일리 뉴스레터 10월 15일", state="sent")
    EditionFactory(publishing_date=datetime.date(2026, 11, 17), subject="작성 중인 호")
    assert index_missing_editions() == "2 newsletter editions indexed"
    listing = client.get(reverse("info:newsletter_archive")).content.decode()
    assert ("11월 16일" in listing, "10월 15일" in listing, "작성 중인 호" in listing) == (True, True, False)
    for query in ("올레도스", "올레 도스를", "디지털 트윈"):  # a part of a word, spacing, a particle
        found = client.get(reverse("info:newsletter_archive"), {"q": query}).content.decode()
        assert ("11월 16일" in found, "10월 15일" in found) == (True, False)
    found = client.get(reverse("info:newsletter_archive"), {"q": "올레도스"}).content.decode()
    assert "<mark>올레도스</mark>" in found
    october = client.get(reverse("info:newsletter_archive"), {"month": "2026-10"}).content.decode()
    assert ("11월 16일" in october, "10월 15일" in october) == (False, True)


def test_an_edition_page_is_html_not_the_email_table(client):
    sent = EditionFactory(publishing_date=datetime.date(2026, 11, 16), state="sent")
    EditionItemFactory(edition=sent, section="global", title="Spatial computing headsets")
    response = client.get("/newsletter/2026-11-16")
    page = response.content.decode()
    assert response.status_code == 200
    assert '<h2 id="edition-section-global">글로벌 NEWS</h2>' in page
    assert "<table" not in page
    assert client.get("/newsletter/2026-11-17").status_code == 404  # no edition
    assert client.get("/newsletter/2026-02-30").status_code == 404  # no such day


def test_a_report_posted_this_week_is_offered_to_the_edition_with_a_link_to_its_page(client, staff_user, settings):
    settings.SITE_URL = "https://alliance.example.kr"
    client.force_login(staff_user)
    today = timezone.localdate()
    edition = EditionFactory(publishing_date=publishing_day_after(today + datetime.timedelta(days=1)))
    report = ReportFactory(posted_on=today, title="2025 XR 산업 실태조사 보고서")
    ReportFactory(posted_on=today - datetime.timedelta(days=30), title="지난달 보고서")

    page = client.get(reverse("info:edition_detail", kwargs={"pk": edition.pk})).content.decode()
    assert ("2025 XR 산업 실태조사 보고서" in page, "지난달 보고서" in page) == (True, False)
    assert f'value="report:{report.pk}"' in page
    client.post(reverse("info:edition_item_add", kwargs={"pk": edition.pk}), {"candidate": f"report:{report.pk}"})

    item = edition.items.get()
    assert (item.origin, item.origin_id, item.section, item.title, item.link) == (
        "report",
        report.pk,
        "domestic",
        "2025 XR 산업 실태조사 보고서",
        f"https://alliance.example.kr/metabus_trends_reports/{report.pk}",
    )
    page = client.get(reverse("info:edition_detail", kwargs={"pk": edition.pk})).content.decode()
    assert f'value="report:{report.pk}"' not in page  # no longer offered once in the edition
