"""A mailing registered for core's own tests (core knows no app): one e-mail per recipient from the templates
in tests/templates/core_tests/hello, sent about a user; staff's page is the audit log."""

from django.conf import settings
from django.urls import reverse

from alliance.core.delivery.registry import Mailing, register_mailing
from alliance.core.mail import render_message

KIND = "core_tests.hello"
TEMPLATES = settings.BASE_DIR / "alliance" / "core" / "tests" / "templates"


class Crash(BaseException):
    """Raised by the builder to stop a run the way a killed worker stops: no clean-up runs."""


class Behaviour:
    crash_at: str = ""  # the address whose e-mail the "process" dies on
    fail_at: str = ""  # the address whose e-mail the builder fails on (a bug: an ordinary exception)
    withdrawn: set[str] = set()
    unsubscribe: bool = False


def build(recipient, shared):
    if recipient.email == Behaviour.crash_at:
        raise Crash
    if recipient.email == Behaviour.fail_at:
        raise RuntimeError("template bug")
    if recipient.email in Behaviour.withdrawn:
        return None
    url = f"{settings.SITE_URL}/unsubscribe/{recipient.pk}/" if Behaviour.unsubscribe else ""
    return render_message(
        "core_tests/hello", {"name": recipient.email}, to=[recipient.email], unsubscribe_url=url, language="ko"
    )


register_mailing(
    Mailing(
        kind=KIND,
        label="테스트 메일",
        permission="core.view_auditentry",
        build=build,
        page_url=lambda delivery: reverse("core:audit_log"),
        batch_size=2,
    )
)
