"""A notice e-mailed to the newsletter's subscribers (사업공고·행사 이메일링), against the real SMTP server fixture:
confirmed by staff, once, only when published, the §50 rules when marked as advertising, and counted per quarter."""

import collections
import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from alliance.core.models import Delivery
from alliance.core.tests.confirming import post_confirmed
from alliance.info.models import Board, Category
from alliance.info.queries.mailings import COMPETITION_CALL_MAILING, mailings_sent
from alliance.info.services.post_mailing import mail_post
from alliance.info.tests.factories_board import PostFactory
from alliance.info.tests.factories_subscribers import SubscriberFactory
from alliance.programs.services.call import CALL_MAILING

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("newsletter_sender")]


def a_call(**fields):
    values = {
        "title": "2025년 3차 메타버스허브 입주기업 모집 (NIPA)",
        "category": Category.CALL,
        "body": "메타버스허브에 입주할 **ICT기업**을 모집합니다.\n\n- 모집: 총 2개사",
    }
    return PostFactory(**{**values, **fields})


def received(smtp_server) -> collections.Counter:
    return collections.Counter(address for message in smtp_server.messages for address in message.envelope_recipients)


def test_staff_e_mail_a_published_notice_once_after_confirming_the_count(
    client, settings, staff_user, smtp_server, django_capture_on_commit_callbacks
):
    readers = [SubscriberFactory(email=f"r{number}@example.kr") for number in range(2)]
    SubscriberFactory(email="gone@example.kr", state="unsubscribed")
    post = a_call()
    client.force_login(staff_user)
    url = reverse("info:post_mailing_send", args=[post.pk])

    page = client.get(reverse("info:board_post", args=[post.pk])).content.decode()
    first = client.post(url)
    with django_capture_on_commit_callbacks(execute=True):
        post_confirmed(client, url)
    again = client.post(url)

    assert url in page
    assert "2명" in first.content.decode()
    assert received(smtp_server) == {reader.email: 1 for reader in readers}
    message = next(m for m in smtp_server.messages if m["To"] == "r0@example.kr")
    link = reverse("info:subscription_link", args=[readers[0].link_token()])
    assert message["Subject"].strip() == "[메타버스 얼라이언스] 2025년 3차 메타버스허브 입주기업 모집 (NIPA)"
    assert message["List-Unsubscribe"].strip() == f"<{settings.SITE_URL}{link}>"
    html = message.get_body(("html",)).get_content()
    assert "<strong>ICT기업</strong>" in html
    assert f"{settings.SITE_URL}{post.get_absolute_url()}" in message.get_body(("plain",)).get_content()
    assert Delivery.objects.filter(kind="info.post_mailing").count() == 1
    assert "이미 이메일로 보낸 공지입니다" in again.content.decode()


def test_a_notice_marked_as_advertising_goes_only_to_current_consent_marked_and_signed(
    smtp_server, django_capture_on_commit_callbacks
):
    SubscriberFactory(email="ads@example.kr", advertising=True, advertising_confirmed_at=timezone.now())
    SubscriberFactory(email="plain@example.kr")

    with django_capture_on_commit_callbacks(execute=True):
        mail_post(actor=None, post=a_call(), advertising=True)

    [message] = smtp_server.messages
    text = message.get_body(("plain",)).get_content()
    assert (message["To"], message["Subject"].strip()) == (
        "ads@example.kr",
        "(광고) [메타버스 얼라이언스] 2025년 3차 메타버스허브 입주기업 모집 (NIPA)",
    )
    assert ("서울특별시 중구 세종대로 1" in text, "수신 거부(무료, 한 번 클릭)" in text) == (True, True)


@pytest.mark.parametrize(
    "fields",
    [
        {"publish_at": None},  # a draft
        {"publish_at": timezone.now() + datetime.timedelta(days=1)},  # scheduled
        {"board": Board.NEWS, "category": Category.NEWS},  # news are not e-mailed
    ],
)
def test_only_a_notice_the_public_can_read_is_e_mailed(fields):
    SubscriberFactory()

    with pytest.raises(Exception, match="지금 공개된 공지만"):
        mail_post(actor=None, post=a_call(**fields), advertising=False)
    assert Delivery.objects.count() == 0


def test_nobody_to_send_to_is_refused():
    with pytest.raises(Exception, match="받을 구독자가 없습니다"):
        mail_post(actor=None, post=a_call(), advertising=False)


def test_e_mailings_are_counted_per_quarter_with_the_competitions_calls(django_capture_on_commit_callbacks):
    SubscriberFactory()
    mail_post(actor=None, post=a_call(), advertising=False)
    october = timezone.make_aware(datetime.datetime(2025, 10, 2, 9, 0))
    Delivery.objects.update(ordered_at=october)
    a_call_mailing = Delivery.objects.get()
    a_call_mailing.pk, a_call_mailing.kind = None, CALL_MAILING
    a_call_mailing.ordered_at = october - datetime.timedelta(days=5)  # September: the third quarter
    a_call_mailing.save()

    assert (COMPETITION_CALL_MAILING, [mailings_sent(2025, quarter) for quarter in (1, 2, 3, 4)]) == (
        CALL_MAILING,
        [0, 0, 1, 1],
    )
    assert mailings_sent(2025) == 2
