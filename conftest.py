"""Shared fixtures: users per role, a real SMTP server, and Debian's chromium driven by Playwright."""

import os
import socket
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls there are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


# The project hashes with Argon2 (about 0.1–0.5 s a password by design); tests that do not test hashing
# use a fast hasher. test_accounts checks the project's own setting.
FAST_TEST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _isolated_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # A cache per test (import progress, search token counts live there): tests running side by side never
    # read each other's entries, and nothing is left in var/cache.
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": tmp_path / "cache"}
    }
    settings.AXES_ENABLED = False
    settings.ANALYTICS_ENABLED = False  # page views are counted only in the analytics tests, which switch it on
    settings.PASSWORD_HASHERS = FAST_TEST_HASHERS
    settings.PAGE_CACHE_SECONDS = 0  # pages are kept rendered only in the page-cache tests, which switch it on


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the platform's language (Korean). A request through the test client activates its
    page's language in the thread and Django leaves it active afterwards, so without this an English page
    visited by one test would make the next test's documents and e-mails English on the same worker."""
    from django.conf import settings as django_settings
    from django.utils import translation

    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture
def staff_user(db):
    from alliance.core.roles import Role
    from alliance.core.tests.factories import UserFactory

    return UserFactory(role=Role.STAFF, name="사무국 직원", email="staff@alliance.example.kr")


@pytest.fixture
def organisation(db):
    from alliance.members.tests.factories import OrganisationFactory

    return OrganisationFactory(name="주식회사 젠", field_names=["디지털트윈", "메타버스"])


@pytest.fixture
def other_organisation(db):
    """A second member company, for what one company must not see of another's."""
    from alliance.members.tests.factories import OrganisationFactory

    return OrganisationFactory(name="주식회사 비교")


@pytest.fixture
def member_rep(db, organisation):
    from alliance.core.roles import Role
    from alliance.core.tests.factories import UserFactory

    return UserFactory(role=Role.MEMBER_REP, organisation=organisation, name="젠 담당자", email="rep@zen.example.kr")


class ReceivedMail:
    """Messages the test SMTP server received, as parsed e-mail messages. Like a real mail server it refuses
    the addresses in `refused` for good (550 at RCPT), defers mail to those in `deferred` (451 at DATA: try
    again later) and drops the connection, keeping nothing, when mail to one of `dropped` arrives. `stop()`
    shuts the server down (connections are refused) and `start()` brings it back on the same port."""

    def __init__(self):
        self.messages = []
        self.refused: set[str] = set()
        self.deferred: set[str] = set()
        self.dropped: set[str] = set()
        self.port = 0
        self.controller = None
        self.running = False

    def start(self):
        from aiosmtpd.controller import Controller

        # A stopped controller's event loop is closed: a new one serves the same port.
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()
        self.running = True

    def stop(self):
        if self.running:
            self.controller.stop()
            self.running = False

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802  aiosmtpd's hook
        if address in self.refused:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802  aiosmtpd's hook name
        from email import message_from_bytes
        from email.policy import default

        if self.deferred.intersection(envelope.rcpt_tos):
            return "451 4.3.0 try again later"
        if self.dropped.intersection(envelope.rcpt_tos):
            server.transport.close()
            return "250 OK"  # never reaches the client: the connection is gone
        message = message_from_bytes(envelope.original_content, policy=default)
        message.envelope_recipients = list(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server (aiosmtpd) on loopback; Django's SMTP backend sends to it."""
    handler = ReceivedMail()
    handler.port = port = _free_port()
    handler.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    yield handler
    handler.stop()


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make install-test` installs Debian's chromium.")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="ko-KR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, live_server):
    context = browser.new_context(locale="ko-KR", viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def log_in(page, live_server, email: str, password: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", password)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
