"""Sending an edition through the bulk delivery, against the real SMTP server fixture: confirmed by staff, once,
one-click unsubscribe headers, the §50 advertising rules, the scheduled send, and faults (refusals, deferrals, a
dropped connection, a run killed mid-way then resumed) after which every recipient has received it exactly once."""

import collections
import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from alliance.core.delivery import sending
from alliance.core.delivery.sending import deliver_pending, send_delivery_run
from alliance.core.models import Delivery, DeliveryRecipient
from alliance.core.tests.confirming import post_confirmed
from alliance.info.models import Edition
from alliance.info.queries.subscribers import edition_delivery_stats
from alliance.info.services import subscribers as service
from alliance.info.services.newsletter_delivery import send_edition, send_scheduled_editions
from alliance.info.tests.factories_subscribers import SubscriberFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("newsletter_sender")]


def an_edition(**fields) -> Edition:
    values = {
        "publishing_date": datetime.date(2026, 12, 7),
        "subject": "메타버스 얼라이언스 뉴스레터 12월 7일",
        "send_at": timezone.now() - datetime.timedelta(minutes=1),
    }
    return Edition.objects.create(**{**values, **fields})


def received(smtp_server) -> collections.Counter:
    return collections.Counter(address for message in smtp_server.messages for address in message.envelope_recipients)


def test_staff_send_an_edition_once_after_confirming_the_count(
    client, settings, staff_user, smtp_server, django_capture_on_commit_callbacks
):
    readers = [SubscriberFactory(email=f"r{number}@example.kr") for number in range(3)]
    SubscriberFactory(email="gone@example.kr", state="unsubscribed")
    SubscriberFactory(email="pending@example.kr", state="pending")
    edition = an_edition(state=Edition.State.SCHEDULED)
    client.force_login(staff_user)
    url = reverse("info:edition_delivery_send", args=[edition.pk])

    first = client.post(url)
    with django_capture_on_commit_callbacks(execute=True):
        post_confirmed(client, url)
    again = client.post(url)

    assert "3명" in first.content.decode()
    assert received(smtp_server) == {reader.email: 1 for reader in readers}
    message = next(m for m in smtp_server.messages if m["To"] == "r0@example.kr")
    link = reverse("info:subscription_link", args=[readers[0].link_token()])
    # (a long header is folded on the wire; mail clients unfold it)
    assert message["List-Unsubscribe"].strip() == f"<{settings.SITE_URL}{link}?edition={edition.pk}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f"{link}?edition={edition.pk}" in message.get_body(("plain",)).get_content()
    assert not message["Subject"].startswith("(광고)")
    edition.refresh_from_db()
    assert (edition.state, Delivery.objects.count()) == ("sent", 1)
    assert "이미 발송한 호입니다" in again.content.decode()


def test_an_edition_carrying_advertising_is_marked_and_goes_only_to_current_consent(
    smtp_server, django_capture_on_commit_callbacks
):
    SubscriberFactory(email="ads@example.kr", advertising=True, advertising_confirmed_at=timezone.now())
    SubscriberFactory(email="plain@example.kr")
    SubscriberFactory(
        email="lapsed@example.kr",
        advertising=True,
        advertising_confirmed_at=timezone.now(),
        advertising_suspended_at=timezone.now(),
    )
    edition = an_edition(carries_advertising=True)

    with django_capture_on_commit_callbacks(execute=True):
        send_edition(actor=None, edition=edition)

    [message] = smtp_server.messages
    text = message.get_body(("plain",)).get_content()
    assert (message["To"], message["Subject"].strip()) == (
        "ads@example.kr",
        "(광고) 메타버스 얼라이언스 뉴스레터 12월 7일",
    )
    assert "보내는 이: 메타버스 얼라이언스 사무국" in text
    assert "서울특별시 중구 세종대로 1" in text
    assert "02-0000-0000" in text
    assert "수신 거부(무료, 한 번 클릭)" in text


def test_advertising_without_the_senders_address_is_refused(settings):
    settings.NEWSLETTER_SENDER_ADDRESS = ""
    SubscriberFactory(advertising=True, advertising_confirmed_at=timezone.now())

    with pytest.raises(Exception, match="NEWSLETTER_SENDER_ADDRESS"):
        send_edition(actor=None, edition=an_edition(carries_advertising=True))
    assert Delivery.objects.count() == 0


def test_the_scheduled_send_orders_each_due_edition_exactly_once(django_capture_on_commit_callbacks):
    SubscriberFactory()
    now = timezone.now()
    due = an_edition(state=Edition.State.SCHEDULED, send_at=now - datetime.timedelta(minutes=1))
    later = an_edition(
        publishing_date=datetime.date(2026, 12, 8),
        state=Edition.State.SCHEDULED,
        send_at=now + datetime.timedelta(days=1),
    )

    send_scheduled_editions(now=now)
    send_scheduled_editions(now=now + datetime.timedelta(minutes=5))

    deliveries = list(Delivery.objects.values_list("target_id", flat=True))
    assert deliveries == [due.pk]
    later.refresh_from_db()
    assert later.state == "scheduled"


def test_under_faults_every_recipient_receives_the_edition_exactly_once(
    smtp_server, monkeypatch, django_capture_on_commit_callbacks
):
    readers = [SubscriberFactory(email=f"r{number:02d}@example.kr") for number in range(30)]
    smtp_server.refused = {"r03@example.kr", "r17@example.kr"}
    smtp_server.deferred = {"r05@example.kr", "r22@example.kr"}
    smtp_server.dropped = {"r11@example.kr"}
    edition = an_edition()
    with django_capture_on_commit_callbacks(execute=False):  # the runs below are driven by hand
        send_edition(actor=None, edition=edition)
    delivery = Delivery.objects.get()

    first = send_delivery_run(delivery_id=delivery.pk, batch_size=7)  # stops at the dropped connection
    smtp_server.dropped = set()
    kill_after_sent(monkeypatch, 4)
    with pytest.raises(SystemExit):  # the worker is killed mid-batch: its claims stay until the lease ends
        send_delivery_run(delivery_id=delivery.pk, batch_size=7)
    monkeypatch.undo()
    held = DeliveryRecipient.objects.exclude(claimed_by="").count()
    deliver_pending()  # another worker sends what is free; the killed run's rows wait for their lease
    expire_leases_and_retries()
    smtp_server.deferred = set()  # the server takes them now
    deliver_pending()

    expected = {reader.email: 1 for reader in readers if reader.email not in {"r03@example.kr", "r17@example.kr"}}
    assert (first.stopped != "", held > 0) == (True, True)
    assert received(smtp_server) == expected
    states = collections.Counter(DeliveryRecipient.objects.values_list("state", flat=True))
    assert states == {"sent": 28, "failed": 2}
    stats = edition_delivery_stats(edition)
    assert (stats.recipients, stats.sent, stats.failed, stats.pending) == (30, 28, 2, 0)


def kill_after_sent(monkeypatch, count: int) -> None:
    """The process dies right after `count` more e-mails were accepted and recorded."""
    record = sending._record
    left = [count]

    def record_then_die(row, token, **values):
        record(row, token, **values)
        if values.get("state") == "sent":
            left[0] -= 1
            if left[0] == 0:
                raise SystemExit("killed")

    monkeypatch.setattr(sending, "_record", record_then_die)


def expire_leases_and_retries() -> None:
    """What ten minutes and the back-off bring: lapsed claims, deferred rows due."""
    past = timezone.now() - datetime.timedelta(hours=1)
    DeliveryRecipient.objects.exclude(claimed_by="").update(claimed_at=past)
    DeliveryRecipient.objects.filter(state="deferred").update(next_attempt_at=past)


def test_a_subscriber_who_unsubscribes_before_their_copy_is_not_sent_it_and_is_counted(
    smtp_server, django_capture_on_commit_callbacks
):
    stays, leaves = SubscriberFactory(email="stays@example.kr"), SubscriberFactory(email="leaves@example.kr")
    edition = an_edition()
    with django_capture_on_commit_callbacks(execute=False):
        send_edition(actor=None, edition=edition)
    service.unsubscribe(subscriber=leaves, edition_id=edition.pk)

    deliver_pending()

    assert received(smtp_server) == {stays.email: 1}
    stats = edition_delivery_stats(edition)
    assert (stats.recipients, stats.sent, stats.withdrawn, stats.unsubscribed) == (2, 1, 1, 1)
