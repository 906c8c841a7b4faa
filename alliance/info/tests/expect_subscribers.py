"""Who may open the subscribers area's URLs: rows merged by tests/url_expectations.py.

The personal link needs no account: everyone who holds the token opens it (an unknown token is 404).
"""

import datetime
import hashlib

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from alliance.core.spreadsheets import table_xlsx
from alliance.core.tests.url_matrix import everyone, no_body, signed_in, staff_only
from alliance.info.models import Consent, Edition, Subscriber

SUBSCRIBER_TOKEN = "matrix-subscriber-token-0123456789abcdefghij"

EXPECTED = {
    "info:newsletter_subscribe": everyone(),
    "info:my_subscription": signed_in(),
    "info:subscription_link": everyone(),
    "info:subscription_confirm": everyone(),
    "info:subscription_renew": everyone(),
    "info:subscriber_list": staff_only(),
    "info:subscriber_export": staff_only(),
    "info:subscriber_import": staff_only(),
    "info:subscriber_detail": staff_only(),
    "info:bounce_webhook": everyone(405),  # a provider's POST with the shared secret; no page
    "info:edition_deliveries": staff_only(),
    "info:edition_delivery": staff_only(),
    "info:edition_delivery_send": staff_only(405),  # a button: POST only
    "info:edition_delivery_preview": staff_only(),
}

# Anyone may subscribe: the matrix posts the form as a signed-in visitor (it cannot log anonymous in).
POST_AS = {"info:newsletter_subscribe": "staff"}
PK_OF = {
    "info:subscriber_detail": "subscriber",
    "info:edition_delivery": "delivery_edition",
    "info:edition_delivery_send": "delivery_edition",
    "info:edition_delivery_preview": "delivery_edition",
}
PATH_VALUES = {"subscriber_token": lambda world: SUBSCRIBER_TOKEN}
COUNTED_MODELS = (Subscriber, Consent)


def _import_file(world) -> dict:
    content = table_xlsx(
        ["이메일", "이름", "동의일", "동의방법", "동의문구", "광고수신동의"],
        [["imported@example.kr", "김가져옴", "2025-03-14", "2025 행사 신청서", "뉴스레터 수신에 동의합니다.", "N"]],
        title="구독자",
    )
    return {"file": SimpleUploadedFile("구독자.xlsx", content)}


POST_DATA = {
    "info:newsletter_subscribe": lambda world: {"email": "matrix@example.kr", "newsletter": "on"},
    "info:my_subscription": lambda world: {"newsletter": "on"},
    "info:subscriber_import": _import_file,
    "info:subscriber_detail": lambda world: {"note": "전화로 수신 거부 요청"},
    "info:edition_delivery_send": no_body,
}


def build_world(world) -> dict:
    subscriber = Subscriber.objects.create(
        email="reader@example.kr",
        state=Subscriber.State.ACTIVE,
        token_hash=hashlib.sha256(SUBSCRIBER_TOKEN.encode()).hexdigest(),
        link_issued_at=timezone.now(),
        subscribed_at=timezone.now(),
        requested_at=timezone.now(),
        requested_advertising=True,
    )
    edition = Edition.objects.create(
        publishing_date=datetime.date(2031, 1, 6),
        subject="매트릭스 뉴스레터",
        state=Edition.State.SCHEDULED,
        send_at=timezone.now() + datetime.timedelta(days=1),
    )
    return {"subscriber": subscriber, "delivery_edition": edition}
