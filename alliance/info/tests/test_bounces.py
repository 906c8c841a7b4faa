"""Bounces: RFC 3464 reports parsed with the stdlib, the provider webhook, suspension after N hard bounces, and the
DSN mailbox read over POP3 from a real (loopback) server."""

import email
import json
import socketserver
import threading
from email.policy import default

import pytest
from django.test import Client
from django.urls import reverse

from alliance.info.models import Bounce, Subscriber
from alliance.info.services.bounces import BounceReport, parse_dsn, read_bounce_mailbox, record_bounces
from alliance.info.tests.dsn import dsn
from alliance.info.tests.factories_subscribers import SubscriberFactory

pytestmark = pytest.mark.django_db


def parsed(raw: bytes):
    return parse_dsn(email.message_from_bytes(raw, policy=default))


def test_a_dsn_gives_hard_and_soft_bounces_and_skips_delays():
    raw = dsn(
        ("Gone@Example.kr", "failed", "5.1.1"),
        ("full@example.kr", "failed", "4.2.2"),
        ("slow@example.kr", "delayed", "4.4.7"),
        edition_id=12,
    )

    assert [(r.email, r.kind, r.status, r.edition_id) for r in parsed(raw)] == [
        ("gone@example.kr", "hard", "5.1.1", 12),
        ("full@example.kr", "soft", "4.2.2", 12),
    ]


def test_a_message_that_is_no_dsn_gives_nothing():
    message = email.message_from_string("Subject: Out of office\n\nI am away.", policy=default)

    assert parse_dsn(message) == []


def test_an_address_is_suspended_at_the_hard_bounce_limit(settings):
    settings.NEWSLETTER_HARD_BOUNCE_LIMIT = 3
    subscriber = SubscriberFactory(email="gone@example.kr")
    hard = [BounceReport(email="gone@example.kr", kind="hard", status="5.1.1")]

    suspended = [record_bounces(hard, source="mailbox") for _ in range(3)]
    record_bounces([BounceReport(email="gone@example.kr", kind="soft")], source="mailbox")

    subscriber.refresh_from_db()
    assert (suspended, subscriber.state, subscriber.hard_bounces) == ([0, 0, 1], "suspended", 3)
    assert Bounce.objects.filter(subscriber=subscriber).count() == 4


def test_soft_bounces_never_suspend(settings):
    settings.NEWSLETTER_HARD_BOUNCE_LIMIT = 1
    subscriber = SubscriberFactory(email="full@example.kr")

    record_bounces([BounceReport(email="full@example.kr", kind="soft")] * 5, source="webhook")

    assert Subscriber.objects.get(pk=subscriber.pk).state == "active"


def test_the_webhook_takes_a_json_list_with_the_shared_secret(settings):
    settings.NEWSLETTER_BOUNCE_WEBHOOK_SECRET = "s3cret-webhook"
    settings.NEWSLETTER_HARD_BOUNCE_LIMIT = 1
    SubscriberFactory(email="gone@example.kr")
    provider = Client(enforce_csrf_checks=True)
    url = reverse("info:bounce_webhook")
    body = json.dumps([{"email": "gone@example.kr", "type": "hard"}, {"email": "x@example.kr", "type": "soft"}])

    wrong = provider.post(url, body, content_type="application/json", headers={"X-Newsletter-Webhook-Secret": "no"})
    bad = provider.post(
        url, "{}", content_type="application/json", headers={"X-Newsletter-Webhook-Secret": "s3cret-webhook"}
    )
    right = provider.post(
        url, body, content_type="application/json", headers={"X-Newsletter-Webhook-Secret": "s3cret-webhook"}
    )

    assert (wrong.status_code, bad.status_code, right.status_code) == (403, 400, 200)
    assert right.json() == {"recorded": 2, "suspended": 1}
    assert Subscriber.objects.get(email="gone@example.kr").state == "suspended"


def test_the_webhook_is_off_without_a_secret(settings):
    settings.NEWSLETTER_BOUNCE_WEBHOOK_SECRET = ""

    response = Client().post(reverse("info:bounce_webhook"), "[]", content_type="application/json")

    assert response.status_code == 404


class Pop3Mailbox(socketserver.StreamRequestHandler):
    """A minimal POP3 server (RFC 1939: USER, PASS, STAT, RETR, DELE, QUIT) over the test's messages."""

    messages: list[bytes] = []
    deleted: set[int] = set()

    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.reply("+OK ready")
        for raw in self.rfile:
            command, *argument = raw.decode().strip().split(" ", 1)
            command = command.upper()
            if command in {"USER", "PASS"}:
                self.reply("+OK")
            elif command == "STAT":
                self.reply(f"+OK {len(self.messages)} {sum(len(m) for m in self.messages)}")
            elif command == "RETR":
                self.reply("+OK")
                body = self.messages[int(argument[0]) - 1].replace(b"\r\n", b"\n").split(b"\n")
                for line in body:
                    self.wfile.write((b"." + line if line.startswith(b".") else line) + b"\r\n")
                self.reply(".")
            elif command == "DELE":
                type(self).deleted.add(int(argument[0]))
                self.reply("+OK")
            elif command == "QUIT":
                self.reply("+OK bye")
                return
            else:
                self.reply("-ERR unknown")


def test_the_bounce_mailbox_is_read_over_pop3_and_emptied(settings):
    settings.NEWSLETTER_HARD_BOUNCE_LIMIT = 1
    subscriber = SubscriberFactory(email="gone@example.kr")
    Pop3Mailbox.messages = [dsn(("gone@example.kr", "failed", "5.1.1")), b"Subject: hello\r\n\r\nnot a report\r\n"]
    Pop3Mailbox.deleted = set()
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Pop3Mailbox)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.NEWSLETTER_BOUNCE_PROTOCOL = "pop3"
    settings.NEWSLETTER_BOUNCE_HOST, settings.NEWSLETTER_BOUNCE_PORT = server.server_address
    settings.NEWSLETTER_BOUNCE_SSL = False
    try:
        summary = read_bounce_mailbox()
    finally:
        server.shutdown()
        server.server_close()

    assert (summary, Pop3Mailbox.deleted) == ("2 messages, 1 bounces", {1, 2})
    assert Subscriber.objects.get(pk=subscriber.pk).state == "suspended"
