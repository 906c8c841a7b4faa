"""Password reset by e-mail: a Korean e-mail with a link that works once and for a limited time, the same
answer whether the account exists or not, and a limit per address and per client."""

import datetime
import re

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from alliance.core.tests.factories import UserFactory

RESET = "/accounts/password-reset/"


@pytest.fixture
def account(db):
    return UserFactory(email="rep@zen.example.kr", name="젠 담당자", password="old-pass-2026!")


def ask(client, email, captured):
    with captured(execute=True):
        return client.post(RESET, {"email": email})


def reset_link(message) -> str:
    return re.search(r"http://\S+/accounts/password-reset/\S+/", message.get_body(("plain",)).get_content())[0]


def test_the_login_page_links_to_the_reset(client, db):
    assert f'href="{reverse("core:password_reset")}"' in client.get(reverse("core:login")).content.decode()


def test_known_and_unknown_addresses_get_the_same_answer_and_only_the_account_gets_mail(
    client, account, smtp_server, django_capture_on_commit_callbacks
):
    known = ask(client, "REP@zen.example.kr", django_capture_on_commit_callbacks)
    unknown = ask(client, "nobody@zen.example.kr", django_capture_on_commit_callbacks)

    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert known["Location"] == reverse("core:password_reset_sent")
    assert [message["To"] for message in smtp_server.messages] == ["rep@zen.example.kr"]
    message = smtp_server.messages[0]
    assert message["Subject"].strip() == "[메타버스 얼라이언스] 비밀번호 재설정 안내"
    assert "새 비밀번호를 정하려면 아래 링크를 여세요" in message.get_body(("plain",)).get_content()


def test_the_link_sets_a_new_password_once(client, account, smtp_server, django_capture_on_commit_callbacks, settings):
    settings.SITE_URL = "http://testserver"
    ask(client, account.email, django_capture_on_commit_callbacks)
    link = reset_link(smtp_server.messages[0]).removeprefix("http://testserver")

    form_page = client.get(link, follow=True)
    new = {"new_password1": "새-비밀번호-2026!", "new_password2": "새-비밀번호-2026!"}
    done = client.post(form_page.redirect_chain[-1][0], new)

    assert done["Location"] == reverse("core:password_reset_complete")
    assert client.login(username=account.email, password="새-비밀번호-2026!")
    client.logout()
    again = client.get(link, follow=True)
    assert "만료되었거나 이미 사용한 링크입니다" in again.content.decode()


def test_the_link_expires(client, account, settings, monkeypatch):
    settings.PASSWORD_RESET_TIMEOUT = 3600
    token = default_token_generator.make_token(account)
    # The token generator reads naive local time.
    later = datetime.datetime.now() + datetime.timedelta(seconds=3601)  # noqa: DTZ005
    monkeypatch.setattr(default_token_generator, "_now", lambda: later)

    assert default_token_generator.check_token(account, token) is False
    uid = urlsafe_base64_encode(force_bytes(account.pk))
    page = client.get(reverse("core:password_reset_confirm", args=[uid, token]), follow=True)
    assert "만료되었거나 이미 사용한 링크입니다" in page.content.decode()


def test_requests_are_limited_per_address_and_per_client(
    client, account, smtp_server, django_capture_on_commit_callbacks, settings
):
    settings.PASSWORD_RESET_LIMIT_PER_ADDRESS = 2
    settings.PASSWORD_RESET_LIMIT_PER_CLIENT = 4
    answers = [ask(client, account.email, django_capture_on_commit_callbacks).status_code for _ in range(3)]
    # Other addresses from the same client: its 4th request passes, its 5th does not.
    others = [ask(client, f"x{n}@zen.example.kr", django_capture_on_commit_callbacks).status_code for n in range(2)]

    assert (answers, others) == ([302, 302, 429], [302, 429])
    assert len(smtp_server.messages) == 2  # the account twice; x0 has no account
    refused = ask(client, account.email, django_capture_on_commit_callbacks)
    assert "요청이 너무 많습니다" in refused.content.decode()
