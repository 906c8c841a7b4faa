"""Delivery status reports (RFC 3464) as mail servers send them, built with the email package."""

from email.message import Message
from email.mime.base import MIMEBase
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

from alliance.info.queries.subscribers import EDITION_HEADER


def _fields(**values) -> Message:
    block = Message()
    for name, value in values.items():
        block[name.replace("_", "-")] = value
    return block


def dsn(*recipients: tuple[str, str, str], edition_id: int | None = None) -> bytes:
    """A DSN about (address, action, status) recipients, returning the original message's headers."""
    report = MIMEMultipart("report", report_type="delivery-status")
    report["From"] = "MAILER-DAEMON@mx.example.kr"
    report["To"] = "bounces@metaverse-alliance.kr"
    report["Subject"] = "Undelivered Mail Returned to Sender"
    report.attach(MIMEText("This is the mail system at host mx.example.kr. Your message could not be delivered.\n"))
    status = MIMEBase("message", "delivery-status")
    blocks = [_fields(Reporting_MTA="dns; mx.example.kr", Arrival_Date="Mon, 7 Dec 2026 08:31:02 +0900")]
    for address, action, code in recipients:
        blocks.append(
            _fields(
                Final_Recipient=f"rfc822; {address}",
                Action=action,
                Status=code,
                Diagnostic_Code=f"smtp; {code[0]}50 {code} mailbox problem",
            )
        )
    status.set_payload(blocks)
    report.attach(status)
    original = Message()
    original["Subject"] = "메타버스 얼라이언스 뉴스레터"
    if edition_id is not None:
        original[EDITION_HEADER] = str(edition_id)
    original.set_payload("")
    report.attach(MIMEMessage(original))
    return report.as_bytes()
