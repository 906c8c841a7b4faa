"""Importing a list: only rows that prove consent, every problem by row and column, nothing half-written."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from alliance.core.spreadsheets import table_xlsx
from alliance.core.tests.confirming import post_confirmed
from alliance.info.models import Consent, Subscriber
from alliance.info.tests.factories_subscribers import SubscriberFactory

pytestmark = pytest.mark.django_db
HEADERS = ["이메일", "이름", "동의일", "동의방법", "동의문구", "광고수신동의"]


def workbook(headers, rows):
    return SimpleUploadedFile("구독자.xlsx", table_xlsx(headers, rows, title="구독자"))


def test_a_list_without_consent_columns_cannot_be_imported(client, staff_user):
    client.force_login(staff_user)

    response = client.post(
        reverse("info:subscriber_import"), {"file": workbook(["이메일", "이름"], [["a@example.kr", "가"]])}
    )

    assert "없는 열: 동의일, 동의방법, 동의문구." in response.content.decode()
    assert Subscriber.objects.count() == 0


def test_bad_rows_are_reported_by_row_and_column_and_nothing_is_written(client, staff_user):
    client.force_login(staff_user)
    rows = [
        ["ok@example.kr", "", "2025-03-14", "행사 신청서", "동의합니다", "Y"],
        ["not-an-address", "", "2025-03-14", "행사 신청서", "동의합니다", "N"],
        ["b@example.kr", "", "", "행사 신청서", "", "N"],
    ]

    response = client.post(reverse("info:subscriber_import"), {"file": workbook(HEADERS, rows)})

    page = response.content.decode()
    assert "3행 이메일 열: 이메일 주소가 아닙니다" in page
    assert "4행 동의일 열: 2025-03-14 같은 날짜가 필요합니다" in page
    assert "4행 동의문구 열: 비어 있습니다. 이것 없이는 동의를 증명할 수 없습니다" in page
    assert Subscriber.objects.count() == 0


def test_an_import_records_the_files_consent_and_leaves_withdrawn_addresses_alone(client, staff_user):
    client.force_login(staff_user)
    SubscriberFactory(email="gone@example.kr", state="unsubscribed")
    rows = [
        ["new@example.kr", "김신규", "2025-03-14", "2025 행사 신청서", "뉴스레터 수신 동의", "Y"],
        ["gone@example.kr", "", "2024-01-02", "2024 행사 신청서", "뉴스레터 수신 동의", "N"],
    ]

    post_confirmed(client, reverse("info:subscriber_import"), {"file": workbook(HEADERS, rows)})

    new = Subscriber.objects.get(email="new@example.kr")
    assert (new.state, new.name, new.receives_advertising, str(new.advertising_confirmed_at.date())) == (
        "active",
        "김신규",
        True,
        "2025-03-14",
    )
    assert list(
        Consent.objects.filter(subscriber=new).order_by("id").values_list("purpose", "source", "note", "wording")
    ) == [
        ("newsletter", "import", "2025 행사 신청서", "뉴스레터 수신 동의"),
        ("advertising", "import", "2025 행사 신청서", "뉴스레터 수신 동의"),
    ]
    assert Subscriber.objects.get(email="gone@example.kr").state == "unsubscribed"
