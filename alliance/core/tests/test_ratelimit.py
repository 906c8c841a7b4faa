"""Rate limits: a client over a page kind's limit gets a Korean 429 page; others and other kinds are untouched;
behind the proxy the client is the address the proxy names, and only a trusted proxy may name it."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from alliance.core.permissions import personal_link
from alliance.core.tests.factories import UserFactory


def heading(response) -> str:
    match = re.search(r"<h1>(.*?)</h1>", response.content.decode(), re.S)
    return match.group(1).strip() if match else ""


@pytest.fixture
def low_limits(settings):
    settings.RATE_LIMITS = {"login": 2, "personal_link": 2, "search": 2, "api": 2}


def log_in(client, **extra):
    return client.post(reverse("core:login"), {"username": "rep@zen.example.kr", "password": "wrong"}, **extra)


@pytest.mark.django_db
def test_login_posts_over_the_limit_get_a_korean_429_page(client, low_limits):
    UserFactory(email="rep@zen.example.kr")

    statuses = [log_in(client).status_code for _ in range(3)]
    refused = log_in(client)

    assert statuses == [200, 200, 429]
    assert (refused.status_code, heading(refused)) == (429, "요청이 너무 많습니다")
    assert 0 < int(refused["Retry-After"]) <= 60
    assert "1분 후에 다시 시도해 주세요" in refused.content.decode()


@pytest.mark.django_db
def test_showing_the_login_form_is_not_counted(client, low_limits):
    statuses = [client.get(reverse("core:login")).status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 200]


@pytest.mark.django_db
def test_each_client_behind_the_proxy_has_its_own_count(client, low_limits):
    directory = reverse("members:directory")
    first = [client.get(directory, HTTP_X_REAL_IP="203.0.113.7").status_code for _ in range(3)]
    second = client.get(directory, HTTP_X_REAL_IP="203.0.113.8").status_code

    assert (first, second) == ([200, 200, 429], 200)


@pytest.mark.django_db
def test_a_client_not_behind_the_trusted_proxy_cannot_choose_its_address(client, low_limits):
    directory = reverse("members:directory")
    statuses = [
        client.get(directory, REMOTE_ADDR="198.51.100.1", HTTP_X_REAL_IP=f"203.0.113.{number}").status_code
        for number in range(3)
    ]

    assert statuses == [200, 200, 429]


@pytest.mark.django_db
def test_kinds_are_counted_apart(client, low_limits):
    searches = [client.get(reverse("members:directory")).status_code for _ in range(3)]
    api = client.get(reverse("ecosystem:snapshot_api_index")).status_code

    assert (searches, api) == ([200, 200, 429], 200)


@pytest.mark.django_db
def test_the_json_api_is_limited(client, low_limits):
    statuses = [client.get(reverse("ecosystem:snapshot_api_index")).status_code for _ in range(3)]

    assert statuses == [200, 200, 429]


@pytest.mark.django_db
def test_every_personal_link_page_is_limited(low_limits):
    @personal_link
    def link_page(request, token):
        return HttpResponse("ok")

    def request():
        visit = RequestFactory().get("/census/token/")
        visit.user = AnonymousUser()
        return visit

    statuses = [link_page(request(), token="token").status_code for _ in range(3)]

    assert statuses == [200, 200, 429]


@pytest.mark.django_db
def test_a_limit_of_zero_is_off(client, settings):
    settings.RATE_LIMITS = {"search": 0}

    statuses = {client.get(reverse("members:directory")).status_code for _ in range(5)}

    assert statuses == {200}
