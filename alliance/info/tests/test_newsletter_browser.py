"""In a real browser: a subscriber opens the unsubscribe link of the newsletter they received and unsubscribes
with one click, without signing in."""

import datetime
import re

import pytest

from alliance.info.models import Edition, Subscriber
from alliance.info.services.newsletter_delivery import send_edition
from alliance.info.tests.factories_subscribers import SubscriberFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_subscriber_unsubscribes_in_one_click_from_the_newsletters_link(page, live_server, settings, smtp_server):
    settings.SITE_URL = live_server.url
    settings.NEWSLETTER_RATE_PER_MINUTE = 0
    subscriber = SubscriberFactory(email="reader@example.kr")
    send_edition(
        actor=None, edition=Edition.objects.create(publishing_date=datetime.date(2026, 12, 7), subject="뉴스레터")
    )
    [message] = smtp_server.messages
    link = re.search(r"(http://\S+/newsletter/s/\S+)", message.get_body(("plain",)).get_content()).group(1)

    page.goto(link)
    page.get_by_role("button", name="수신 거부").click()

    page.get_by_role("heading", name="수신 거부").wait_for()
    assert page.get_by_role("status").inner_text() == "더 이상 뉴스레터를 보내지 않습니다. 동의 철회가 기록되었습니다."
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.UNSUBSCRIBED
