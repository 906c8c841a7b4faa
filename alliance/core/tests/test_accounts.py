"""Accounts: e-mail login, Argon2 hashes, lock-out after repeated failures, language switch."""

import re

import pytest
from django.urls import reverse

from alliance.core.roles import Role
from alliance.core.tests.factories import PASSWORD, UserFactory
from conftest import log_in


def heading(response) -> str:
    match = re.search(r"<h1>(.*?)</h1>", response.content.decode(), re.S)
    return match.group(1).strip() if match else ""


def attempt(client, email: str, password: str):
    return client.post(reverse("core:login"), {"username": email, "password": password})


@pytest.mark.django_db
def test_password_hash_is_argon2(settings):
    from alliance import settings as project_settings

    settings.PASSWORD_HASHERS = project_settings.PASSWORD_HASHERS  # conftest swaps in a fast hasher
    user = UserFactory()

    assert user.password.split("$")[0] == "argon2"
    assert user.check_password(PASSWORD) is True


@pytest.mark.django_db
def test_login_email_is_case_insensitive(client):
    user = UserFactory(email="rep@zen.example.kr")

    response = attempt(client, "Rep@ZEN.Example.KR", PASSWORD)

    assert (response.status_code, response["Location"]) == (302, reverse("portal:dashboard"))
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_login_wrong_password_shows_korean_error(client):
    UserFactory(email="rep@zen.example.kr")

    response = attempt(client, "rep@zen.example.kr", "wrong-password")

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == ["이메일 또는 비밀번호가 올바르지 않습니다."]
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_login_locks_out_after_failure_limit(client, settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(email="rep@zen.example.kr")

    statuses = [attempt(client, "rep@zen.example.kr", "wrong-password").status_code for _ in range(3)]
    locked = attempt(client, "rep@zen.example.kr", PASSWORD)

    assert statuses == [200, 200, 429]
    assert (locked.status_code, heading(locked)) == (429, "계정이 잠겼습니다")
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_login_lock_out_is_per_account(client, settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 2
    UserFactory(email="rep@zen.example.kr")
    other = UserFactory(email="staff@alliance.example.kr", role=Role.STAFF)
    for _ in range(2):
        attempt(client, "rep@zen.example.kr", "wrong-password")

    response = attempt(client, "staff@alliance.example.kr", PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(other.pk)


@pytest.mark.django_db
def test_home_default_language_is_korean(client):
    response = client.get(reverse("portal:home"))

    assert re.search(r'<html lang="([^"]+)">', response.content.decode()).group(1) == "ko"
    assert response["Content-Language"] == "ko"


@pytest.mark.django_db
def test_language_switch_to_english_sticks(client):
    switched = client.post(reverse("core:set_language"), {"language": "en", "next": reverse("portal:home")})
    response = client.get(reverse("portal:home"))

    assert (switched.status_code, switched["Location"]) == (302, reverse("portal:home"))
    assert re.search(r'<html lang="([^"]+)">', response.content.decode()).group(1) == "en"
    assert re.search(r"<title>(.*?)</title>", response.content.decode()).group(1) == "Home · Metaverse Alliance"


@pytest.mark.django_db
def test_pages_are_korean_whatever_the_browser_prefers(client):
    response = client.get(reverse("portal:home"), headers={"accept-language": "en-US,en;q=0.9"})

    page = response.content.decode()
    assert (re.search(r'<html lang="([^"]+)">', page).group(1), response["Content-Language"]) == ("ko", "ko")


@pytest.mark.browser
def test_login_form_in_browser_reaches_my_page(page, live_server):
    UserFactory(email="rep@zen.example.kr", name="젠 담당자")
    failed = []
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))

    log_in(page, live_server, "REP@zen.example.kr", PASSWORD)

    assert page.url == f"{live_server.url}{reverse('portal:dashboard')}"
    assert page.locator("h1").inner_text() == "마이페이지"
    assert failed == []
