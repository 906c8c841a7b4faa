"""Bounces of the newsletter: delivery status reports read from the DSN mailbox or posted by the mail provider.

Rules:
- A DSN (RFC 3464: multipart/report; report-type=delivery-status) names each recipient in `Final-Recipient`
  (or `Original-Recipient`) with its `Status`: 5.x.x is a hard (permanent) bounce, 4.x.x a soft one; a block
  whose `Action` is delayed, delivered, relayed or expanded is no bounce. A report that is not a DSN is ignored.
- The provider webhook posts a JSON list of {"email": ..., "type": "hard" | "soft"} with the shared secret.
- Every bounce is a `Bounce` row with the edition it answers (named by the returned headers' EDITION_HEADER,
  else the last edition sent to the address);
  a hard one counts against its subscriber, who is suspended (no more editions) at NEWSLETTER_HARD_BOUNCE_LIMIT
  hard bounces. Subscribing again (the form, My page) resets the count.
- The mailbox is read in the background (periodic job `info_bounce_mailbox`): IMAP or POP3, with or without SSL;
  each message is deleted once its bounces are recorded (in one transaction per message), so none counts twice.
"""

import email
import imaplib
import poplib
import re
from dataclasses import dataclass
from email.message import Message
from email.policy import default as default_policy

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from alliance.core.audit import record_audit
from alliance.info.models import Bounce, Subscriber
from alliance.info.queries.subscribers import EDITION_HEADER, last_edition_sent_to
from alliance.info.services.subscribers import normalise_email

HARD, SOFT = Bounce.Kind.HARD, Bounce.Kind.SOFT
NOT_BOUNCES = {"delayed", "delivered", "relayed", "expanded"}
STATUS = re.compile(r"^([245])\.\d{1,3}\.\d{1,3}")


@dataclass(frozen=True)
class BounceReport:
    email: str
    kind: str
    status: str = ""
    diagnostic: str = ""
    edition_id: int | None = None


def _address(value: str) -> str:
    """`rfc822; someone@example.kr` → someone@example.kr."""
    _type, _sep, address = str(value).partition(";")
    return normalise_email((address or _type).strip().strip("<>"))


def _edition_of(report: Message) -> int | None:
    for part in report.walk():
        if part.get_content_type() in {"message/rfc822", "text/rfc822-headers"}:
            payload = part.get_payload()
            returned = payload[0] if isinstance(payload, list) else email.message_from_string(str(payload))
            value = str(returned.get(EDITION_HEADER, "")).strip()
            if value.isdigit():
                return int(value)
    return None


def parse_dsn(message: Message) -> list[BounceReport]:
    """The bounces a delivery status report states (empty for any other message)."""
    if message.get_content_type() != "multipart/report":
        return []
    status_part = next((part for part in message.walk() if part.get_content_type() == "message/delivery-status"), None)
    if status_part is None:
        return []
    edition_id = _edition_of(message)
    blocks = status_part.get_payload()
    reports = []
    for block in blocks[1:] if isinstance(blocks, list) else []:  # the first block is about the whole message
        recipient = block.get("Final-Recipient") or block.get("Original-Recipient")
        status = STATUS.match(str(block.get("Status", "")).strip())
        action = str(block.get("Action", "")).strip().lower()
        if not recipient or status is None or action in NOT_BOUNCES or status.group(1) == "2":
            continue
        reports.append(
            BounceReport(
                email=_address(recipient),
                kind=HARD if status.group(1) == "5" else SOFT,
                status=status.group(0),
                diagnostic=" ".join(str(block.get("Diagnostic-Code", "")).split())[:300],
                edition_id=edition_id,
            )
        )
    return reports


def parse_webhook(payload) -> list[BounceReport]:
    """The provider's JSON list of {"email", "type"}; ValueError for anything else."""
    if not isinstance(payload, list):
        raise ValueError("a JSON list is expected")
    reports = []
    for item in payload:
        if not isinstance(item, dict) or not isinstance(item.get("email"), str) or item.get("type") not in (HARD, SOFT):
            raise ValueError('each item is {"email": "...", "type": "hard" | "soft"}')
        reports.append(BounceReport(email=normalise_email(item["email"]), kind=item["type"]))
    return reports


def record_bounces(reports: list[BounceReport], *, source: str, now=None) -> int:
    """Record the bounces and suspend the addresses that reached the hard-bounce limit; returns how many
    were suspended now.

    Side effects: a Bounce row each; hard ones counted on the subscriber; audit `info.subscriber.suspended`.
    """
    now = now or timezone.now()
    suspended = 0
    with transaction.atomic():
        subscribers = {
            found.email: found
            for found in Subscriber.objects.select_for_update().filter(email__in={report.email for report in reports})
        }
        for report in reports:
            subscriber = subscribers.get(report.email)
            Bounce.objects.create(
                email=report.email,
                subscriber=subscriber,
                kind=report.kind,
                status=report.status,
                diagnostic=report.diagnostic,
                source=source,
                edition_id=report.edition_id or last_edition_sent_to(report.email),
                received_at=now,
            )
            if subscriber is None or report.kind != HARD:
                continue
            Subscriber.objects.filter(pk=subscriber.pk).update(hard_bounces=F("hard_bounces") + 1)
            subscriber.refresh_from_db(fields=["hard_bounces", "state"])
            if (
                subscriber.state == Subscriber.State.ACTIVE
                and subscriber.hard_bounces >= settings.NEWSLETTER_HARD_BOUNCE_LIMIT
            ):
                Subscriber.objects.filter(pk=subscriber.pk).update(state=Subscriber.State.SUSPENDED, suspended_at=now)
                record_audit(
                    action="info.subscriber.suspended",
                    target=subscriber,
                    after={"hard_bounces": subscriber.hard_bounces},
                )
                suspended += 1
    return suspended


# ---- the DSN mailbox ---------------------------------------------------------------------------------------------


def _record_message(raw: bytes) -> int:
    reports = parse_dsn(email.message_from_bytes(raw, policy=default_policy))
    record_bounces(reports, source=Bounce.Source.MAILBOX)
    return len(reports)


def _read_imap() -> tuple[int, int]:
    kind = imaplib.IMAP4_SSL if settings.NEWSLETTER_BOUNCE_SSL else imaplib.IMAP4
    port = settings.NEWSLETTER_BOUNCE_PORT or (993 if settings.NEWSLETTER_BOUNCE_SSL else 143)
    messages = bounces = 0
    with kind(settings.NEWSLETTER_BOUNCE_HOST, port) as mailbox:
        mailbox.login(settings.NEWSLETTER_BOUNCE_USER, settings.NEWSLETTER_BOUNCE_PASSWORD)
        mailbox.select(settings.NEWSLETTER_BOUNCE_FOLDER)
        _status, found = mailbox.search(None, "ALL")
        for number in found[0].split():
            _status, data = mailbox.fetch(number, "(RFC822)")
            bounces += _record_message(data[0][1])
            mailbox.store(number, "+FLAGS", "\\Deleted")
            messages += 1
        mailbox.expunge()
    return messages, bounces


def _read_pop3() -> tuple[int, int]:
    kind = poplib.POP3_SSL if settings.NEWSLETTER_BOUNCE_SSL else poplib.POP3
    port = settings.NEWSLETTER_BOUNCE_PORT or (995 if settings.NEWSLETTER_BOUNCE_SSL else 110)
    mailbox = kind(settings.NEWSLETTER_BOUNCE_HOST, port, timeout=30)
    messages = bounces = 0
    try:
        mailbox.user(settings.NEWSLETTER_BOUNCE_USER)
        mailbox.pass_(settings.NEWSLETTER_BOUNCE_PASSWORD)
        count, _size = mailbox.stat()
        for number in range(1, count + 1):
            _response, lines, _octets = mailbox.retr(number)
            bounces += _record_message(b"\r\n".join(lines))
            mailbox.dele(number)
            messages += 1
    finally:
        mailbox.quit()  # deletions take effect only at QUIT
    return messages, bounces


def read_bounce_mailbox() -> str:
    """Read and empty the DSN mailbox; a one-line summary (for the periodic job's log)."""
    protocol = settings.NEWSLETTER_BOUNCE_PROTOCOL
    if protocol not in {"imap", "pop3"} or not settings.NEWSLETTER_BOUNCE_HOST:
        return "bounce mailbox not configured"
    messages, bounces = _read_imap() if protocol == "imap" else _read_pop3()
    return f"{messages} messages, {bounces} bounces"
