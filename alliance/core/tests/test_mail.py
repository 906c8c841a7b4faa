"""core/mail.py: one e-mail rendered from its templates in the recipient's language, with the platform's headers,
received by a real SMTP server."""

import pytest
from django.conf import settings as django_settings

from alliance.core.mail import Attachment, render_message, send_message

TEST_TEMPLATES = django_settings.BASE_DIR / "alliance" / "core" / "tests" / "templates"


@pytest.fixture
def test_templates(settings):
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], TEST_TEMPLATES]}]


def test_an_e_mail_has_one_line_subject_text_html_and_the_site_headers(test_templates, settings, smtp_server):
    settings.SITE_URL = "https://alliance.example.kr:8443"
    settings.EMAIL_REPLY_TO = "office@alliance.example.kr"

    sent = send_message("core_tests/hello", {"name": "젠"}, to=["rep@zen.example.kr"])

    message = smtp_server.messages[0]
    assert (sent, message["Subject"], message.get_body(("plain",)).get_content()) == (1, "Hello 젠", "ko: 젠\r\n")
    assert message.get_body(("html",)).get_content() == "<p>젠</p>\r\n"
    assert message["Message-ID"].endswith("@alliance.example.kr>")
    assert (message["Reply-To"], message["Auto-Submitted"], message["List-Unsubscribe"]) == (
        "office@alliance.example.kr",
        "auto-generated",
        None,
    )


def test_no_reply_to_without_the_setting_and_no_html_without_its_template(test_templates, settings, smtp_server):
    settings.EMAIL_REPLY_TO = ""

    send_message("core_tests/plain", {"name": "젠"}, to=["rep@zen.example.kr"], reply_wanted=True, language="en")

    message = smtp_server.messages[0]
    assert (message["Reply-To"], message["Auto-Submitted"], message.get_body(("html",))) == (None, None, None)
    assert (message["Subject"], message.get_content_type()) == ("Plain 젠", "text/plain")


def test_the_recipient_language_and_the_unsubscribe_headers(test_templates, settings):
    message = render_message(
        "core_tests/hello",
        {"name": "Zen"},
        to=["rep@zen.example.kr"],
        language="en",
        unsubscribe_url="https://alliance.example.kr/u/abc/",
    ).message()

    assert message.get_payload()[0].get_payload(decode=True).decode() == "en: Zen\n"
    assert (message["List-Unsubscribe"], message["List-Unsubscribe-Post"]) == (
        "<https://alliance.example.kr/u/abc/>",
        "List-Unsubscribe=One-Click",
    )


def test_an_attachment_keeps_its_content_type(test_templates, smtp_server):
    calendar = Attachment("meetings.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")

    send_message("core_tests/plain", {"name": "젠"}, to=["rep@zen.example.kr"], attachments=[calendar])

    (part,) = list(smtp_server.messages[0].iter_attachments())
    assert (part.get_filename(), part.get_content_type(), part.get_content()) == (
        "meetings.ics",
        "text/calendar",
        "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
    )


def test_nobody_to_send_to_sends_nothing(test_templates, smtp_server):
    assert (send_message("core_tests/plain", {}, to=[]), smtp_server.messages) == (0, [])
