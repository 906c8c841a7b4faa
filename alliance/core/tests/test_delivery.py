"""Bulk delivery against a real SMTP server that refuses, defers, drops the connection and stops: every
recipient reached once, refusals kept with the server's answer, temporary failures retried, a crashed run
resumed without duplicates, and the progress staff see."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from alliance.core.delivery import sending
from alliance.core.delivery.ordering import Addressee, order_delivery, resume_delivery
from alliance.core.delivery.progress import delivery_progress
from alliance.core.models import AuditEntry, DeliveryRecipient
from alliance.core.tests import mailing_fixture
from alliance.core.tests.mailing_fixture import KIND, Behaviour, Crash

pytestmark = pytest.mark.django_db
State = DeliveryRecipient.State


@pytest.fixture(autouse=True)
def _mailing(settings):
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], mailing_fixture.TEMPLATES]}
    ]
    settings.SITE_URL = "https://alliance.example.kr"
    settings.EMAIL_REPLY_TO = "office@alliance.example.kr"
    Behaviour.crash_at = Behaviour.fail_at = ""
    Behaviour.withdrawn = set()
    Behaviour.unsubscribe = False


def _ordered(staff_user, count: int):
    # The test database never commits: ordering queues no run, each test runs the worker by hand.
    addressees = [Addressee(email=f"rep{n}@member.example.kr") for n in range(count)]
    return order_delivery(actor=staff_user, kind=KIND, target=staff_user, addressees=addressees)


def _received(smtp_server) -> list[str]:
    return [message.envelope_recipients[0] for message in smtp_server.messages]


def _states(delivery) -> list[tuple[str, str, str]]:
    return list(delivery.recipients.order_by("pk").values_list("email", "state", "answer"))


def _make_due(delivery) -> None:
    delivery.recipients.filter(state=State.DEFERRED).update(next_attempt_at=timezone.now())


def test_each_recipient_gets_one_e_mail_with_the_site_headers(staff_user, smtp_server):
    Behaviour.unsubscribe = True
    delivery = _ordered(staff_user, 3)

    counts = sending.send_delivery_run(delivery_id=delivery.pk)

    assert _received(smtp_server) == [f"rep{n}@member.example.kr" for n in range(3)]
    assert (counts.sent, counts.batches) == (3, 2)
    message = smtp_server.messages[0]
    first = delivery.recipients.order_by("pk").first()
    assert message["Message-ID"].endswith("@alliance.example.kr>")
    assert (message["Reply-To"], message["Auto-Submitted"]) == ("office@alliance.example.kr", "auto-generated")
    assert (message["List-Unsubscribe"], message["List-Unsubscribe-Post"]) == (
        f"<https://alliance.example.kr/unsubscribe/{first.pk}/>",
        "List-Unsubscribe=One-Click",
    )
    assert list(AuditEntry.objects.filter(action__startswith="core.delivery.").values_list("action", "after")) == [
        (
            "core.delivery.sent",
            {
                "mailing": KIND,
                "delivery": delivery.pk,
                "sent": 3,
                "failed": 0,
                "deferred": 0,
                "withdrawn": 0,
                "batches": 2,
                "left": 0,
            },
        ),
        ("core.delivery.ordered", {"mailing": KIND, "delivery": delivery.pk, "recipients": 3}),
    ]


def test_refused_fails_for_good_deferred_and_dropped_are_retried_later(staff_user, smtp_server):
    delivery = _ordered(staff_user, 5)
    smtp_server.refused = {"rep0@member.example.kr"}
    smtp_server.deferred = {"rep1@member.example.kr"}
    smtp_server.dropped = {"rep3@member.example.kr"}
    before = timezone.now()

    first = sending.send_delivery_run(delivery_id=delivery.pk)

    rows = {row.email: row for row in delivery.recipients.all()}
    assert (first.sent, first.failed, first.deferred, first.stopped) == (1, 1, 2, "Connection unexpectedly closed")
    assert _states(delivery) == [
        ("rep0@member.example.kr", State.FAILED, "550 5.1.1 mailbox unavailable"),
        ("rep1@member.example.kr", State.DEFERRED, "451 4.3.0 try again later"),
        ("rep2@member.example.kr", State.SENT, ""),
        ("rep3@member.example.kr", State.DEFERRED, "Connection unexpectedly closed"),
        ("rep4@member.example.kr", State.QUEUED, ""),
    ]
    retry = rows["rep1@member.example.kr"]
    assert (retry.attempts, before + sending.BACKOFF[0] <= retry.next_attempt_at) == (1, True)
    assert delivery_progress(delivery).status == "deferred"

    smtp_server.deferred = smtp_server.dropped = set()
    sending.send_delivery_run(delivery_id=delivery.pk)  # not due yet: only the queued one goes
    _make_due(delivery)
    call_command("deliver_pending", stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123

    assert _received(smtp_server) == [
        "rep2@member.example.kr",
        "rep4@member.example.kr",
        "rep1@member.example.kr",
        "rep3@member.example.kr",
    ]
    assert [state for _email, state, _answer in _states(delivery)] == [State.FAILED] + [State.SENT] * 4


def test_a_server_down_defers_the_batch_and_a_deferral_fails_for_good_after_the_last_retry(staff_user, smtp_server):
    delivery = _ordered(staff_user, 3)
    smtp_server.stop()

    counts = sending.send_delivery_run(delivery_id=delivery.pk)
    runs = 1
    while delivery_progress(delivery).pending and runs < 20:
        _make_due(delivery)
        sending.send_delivery_run(delivery_id=delivery.pk)
        runs += 1

    assert (counts.sent, counts.deferred, counts.batches, counts.stopped != "", runs) == (0, 2, 1, True, 11)
    assert [(state, attempts) for state, attempts in delivery.recipients.values_list("state", "attempts")] == [
        (State.FAILED, len(sending.BACKOFF) + 1)
    ] * 3


def test_a_run_killed_mid_batch_is_resumed_after_the_lease_without_duplicates(staff_user, smtp_server):
    delivery = _ordered(staff_user, 5)
    Behaviour.crash_at = "rep3@member.example.kr"

    with pytest.raises(Crash):
        sending.send_delivery_run(delivery_id=delivery.pk)
    Behaviour.crash_at = ""
    during_lease = sending.send_delivery_run(delivery_id=delivery.pk)
    progress = delivery_progress(delivery)
    delivery.recipients.filter(claimed_at__isnull=False).update(claimed_at=timezone.now() - datetime.timedelta(hours=1))
    after_lease = sending.send_delivery_run(delivery_id=delivery.pk)

    assert (during_lease.sent, progress.status, progress.sent) == (1, "sending", 4)
    assert after_lease.sent == 1
    assert _received(smtp_server) == [f"rep{n}@member.example.kr" for n in (0, 1, 2, 4, 3)]


def test_a_failing_builder_releases_its_claims_so_the_next_run_sends_the_rest_at_once(staff_user, smtp_server):
    delivery = _ordered(staff_user, 3)
    Behaviour.fail_at = "rep1@member.example.kr"

    with pytest.raises(RuntimeError):
        sending.send_delivery_run(delivery_id=delivery.pk)
    Behaviour.fail_at = ""
    sending.send_delivery_run(delivery_id=delivery.pk)

    assert _received(smtp_server) == [f"rep{n}@member.example.kr" for n in range(3)]


def test_a_row_taken_by_another_run_after_its_claim_lapsed_is_not_sent_again(staff_user, smtp_server):
    delivery = _ordered(staff_user, 2)
    row = delivery.recipients.order_by("pk").last()
    # Another run holds this row's claim (fresh): this run leaves it alone.
    DeliveryRecipient.objects.filter(pk=row.pk).update(claimed_by="other-run", claimed_at=timezone.now())

    counts = sending.send_delivery_run(delivery_id=delivery.pk)

    assert (counts.sent, _received(smtp_server)) == (1, ["rep0@member.example.kr"])
    assert delivery_progress(delivery).status == "sending"


def test_an_e_mail_no_longer_needed_is_withdrawn_not_sent(staff_user, smtp_server):
    delivery = _ordered(staff_user, 2)
    Behaviour.withdrawn = {"rep0@member.example.kr"}

    counts = sending.send_delivery_run(delivery_id=delivery.pk)

    assert (counts.sent, counts.withdrawn, _received(smtp_server)) == (1, 1, ["rep1@member.example.kr"])
    assert delivery_progress(delivery).status == "done"


def test_staff_see_queued_until_a_worker_starts_then_sent_and_failures(client, staff_user, smtp_server):
    delivery = _ordered(staff_user, 2)
    smtp_server.refused = {"rep1@member.example.kr"}
    client.force_login(staff_user)
    url = reverse("core:delivery_status", args=[delivery.pk])

    queued = client.get(url).content.decode()
    sending.send_delivery_run(delivery_id=delivery.pk)
    done = client.get(url).content.decode()

    assert ("대기 중" in queued, "중단" in queued, 'hx-trigger="every 5s"' in queued) == (True, False, True)
    assert "2명 중 0명에게 발송했습니다." in queued
    assert ("2명 중 1명에게 발송했습니다." in done, "hx-trigger" in done, "나머지에게 보내기" in done) == (
        True,
        False,
        False,
    )
    assert "rep1@member.example.kr · 550 5.1.1 mailbox unavailable" in done


def test_staff_send_to_the_rest_after_an_outage(client, staff_user, smtp_server, django_capture_on_commit_callbacks):
    delivery = _ordered(staff_user, 3)
    smtp_server.stop()
    sending.send_delivery_run(delivery_id=delivery.pk)
    smtp_server.start()
    client.force_login(staff_user)
    page = client.get(reverse("core:delivery_status", args=[delivery.pk])).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("core:delivery_resume", args=[delivery.pk]))
    again = client.post(reverse("core:delivery_resume", args=[delivery.pk]), follow=True).content.decode()

    assert ("나머지에게 보내기" in page, response.status_code, response["Location"]) == (True, 302, "/audit/")
    # The one the outage never reached goes first (fewest attempts), then the deferred batch.
    assert _received(smtp_server) == [f"rep{n}@member.example.kr" for n in (2, 0, 1)]
    assert "보낼 대상이 남아 있지 않거나 지금 발송 중입니다." in again
    assert AuditEntry.objects.filter(action="core.delivery.resumed").get().after == {
        "mailing": KIND,
        "delivery": delivery.pk,
        "pending": 3,
    }


def test_ordering_queues_the_run_after_the_commit(staff_user, smtp_server, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        delivery = _ordered(staff_user, 2)

    assert (_received(smtp_server), delivery_progress(delivery).status) == (
        ["rep0@member.example.kr", "rep1@member.example.kr"],
        "done",
    )


def test_resume_is_refused_while_the_first_run_has_not_started(staff_user, smtp_server):
    delivery = _ordered(staff_user, 1)

    with pytest.raises(Exception, match="지금 발송 중"):
        resume_delivery(actor=staff_user, delivery=delivery)
