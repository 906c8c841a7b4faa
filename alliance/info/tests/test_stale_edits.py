"""Two staff members editing one information-service record: the later save is refused and shows what changed
meanwhile (core/versions.py), for an edition's item, a news feed, a report's record and a publisher's name."""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.urls import reverse

from alliance.core.tests.editing import posted
from alliance.info.models import EditionItem, NewsFeed, Publisher, Report
from alliance.info.tests.factories_archive import PublisherFactory, ReportFactory
from alliance.info.tests.factories_newsletter import EditionItemFactory, NewsFeedFactory

pytestmark = pytest.mark.django_db


@dataclass
class Case:
    url: str
    form: str  # the form's name in the page's context
    first: dict  # the change saved first
    second: dict  # the later change, from the same stale page
    stored: Callable  # → what the refused save would have changed, as stored
    rows: list  # (saved meanwhile, your value) of each field changed meanwhile


def _edition_item() -> Case:
    item = EditionItemFactory(title="XR 기기 확산", summary="마이크로 OLED 경쟁")
    return Case(
        reverse("info:edition_item_edit", args=[item.pk]),
        "form",
        {"title": "XR 기기 본격 확산"},
        {"summary": "패널 경쟁 심화"},
        lambda: EditionItem.objects.get(pk=item.pk).summary,
        [("XR 기기 본격 확산", "XR 기기 확산")],
    )


def _feed() -> Case:
    feed = NewsFeedFactory(name="가상융합 뉴스")
    return Case(
        reverse("info:newsletter_feed_edit", args=[feed.pk]),
        "form",
        {"name": "가상융합 산업 뉴스"},
        {"active": ""},
        lambda: NewsFeed.objects.get(pk=feed.pk).active,
        [("가상융합 산업 뉴스", "가상융합 뉴스")],
    )


def _report() -> Case:
    report = ReportFactory(title="가상융합 산업 동향", summary="")
    return Case(
        reverse("info:archive_manage_report", args=[report.pk]),
        "form",
        {"title": "2025 가상융합 산업 동향"},
        {"summary": "국내 XR 시장 규모"},
        lambda: Report.objects.get(pk=report.pk).summary,
        [("2025 가상융합 산업 동향", "가상융합 산업 동향")],
    )


def _publisher() -> Case:
    publisher = PublisherFactory(name="정보통신산업진흥원")
    return Case(
        reverse("info:archive_publisher", args=[publisher.pk]),
        "rename_form",
        {"rename-name": "NIPA 정보통신산업진흥원"},
        {"rename-name": "한국 정보통신산업진흥원"},
        lambda: Publisher.objects.get(pk=publisher.pk).name,
        [("NIPA 정보통신산업진흥원", "한국 정보통신산업진흥원")],
    )


@pytest.mark.parametrize("make", [_edition_item, _feed, _report, _publisher], ids=lambda make: make.__name__)
def test_a_stale_save_is_refused_and_shows_the_others_change(client, staff_user, make):
    case = make()
    client.force_login(staff_user)
    data = posted(client.get(case.url).context[case.form])
    first = client.post(case.url, data | case.first)
    before = case.stored()

    later = client.post(case.url, data | case.second)

    assert (first.status_code, later.status_code) == (302, 200)
    assert case.stored() == before
    form = later.context[case.form]
    assert [(row["theirs"], row["yours"]) for row in form.stale_changes] == case.rows
    assert "stale-edit" in later.content.decode()
