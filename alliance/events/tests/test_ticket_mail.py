import datetime

import icalendar
import pytest
from django.test import TestCase

from alliance.events.models import Registration
from alliance.events.services.registration import cancel, register
from alliance.events.services.reminders import send_due_reminders
from alliance.events.tests.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(settings):
    settings.SITE_URL = "http://testserver"


def _register(event, n):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return register(event=event, name=f"참가자{n}", email=f"p{n}@example.kr", source="public", consented=True)


def _attachments(message) -> dict:
    return {part.get_filename(): part for part in message.iter_attachments()}


def test_confirmation_carries_the_ics_and_the_qr_ticket(site, smtp_server):
    event = EventFactory(title="2025 메타버스 얼라이언스 분과통합 공개세미나", date=datetime.date(2099, 11, 13))
    registration = _register(event, 1)

    [message] = smtp_server.messages
    assert message["To"] == "p1@example.kr"
    assert (
        message["Subject"].strip()
        == "[메타버스 얼라이언스] 2025 메타버스 얼라이언스 분과통합 공개세미나 참가 신청이 확정되었습니다"
    )
    body = message.get_body(("plain",)).get_content()
    url = f"http://testserver/events/ticket/{registration.link_token()}/"
    assert url in body
    files = _attachments(message)
    assert sorted(files) == ["event.ics", "ticket-qr.png"]
    assert files["ticket-qr.png"].get_content()[:8] == b"\x89PNG\r\n\x1a\n"
    calendar = icalendar.Calendar.from_ical(files["event.ics"].get_content())
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["summary"]) == event.title
    assert vevent.decoded("dtstart").isoformat() == "2099-11-13T14:00:00+09:00"
    assert str(vevent["url"]) == url
    assert str(calendar["method"]) == "PUBLISH"


def test_waiting_then_moved_up_gets_its_ticket(site, smtp_server):
    event = EventFactory(capacity=1)
    first = _register(event, 1)
    _register(event, 2)
    assert "대기" in smtp_server.messages[1]["Subject"]
    assert _attachments(smtp_server.messages[1]) == {}
    with TestCase.captureOnCommitCallbacks(execute=True):
        cancel(registration=first)
    recipients = [(m["To"], sorted(_attachments(m))) for m in smtp_server.messages[2:]]
    assert recipients == [("p1@example.kr", ["event.ics"]), ("p2@example.kr", ["event.ics", "ticket-qr.png"])]


def test_reminder_the_day_before_once(site, smtp_server):
    event = EventFactory(date=datetime.date(2099, 5, 2))
    _register(event, 1)
    waiting = _register(event, 2)
    Registration.objects.filter(pk=waiting.pk).update(status=Registration.Status.CANCELLED)
    smtp_server.messages.clear()
    for _ in range(2):
        with TestCase.captureOnCommitCallbacks(execute=True):
            send_due_reminders(as_of=datetime.date(2099, 5, 1))
    assert [m["To"] for m in smtp_server.messages] == ["p1@example.kr"]
    assert "내일" in smtp_server.messages[0]["Subject"]
