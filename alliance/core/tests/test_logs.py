"""One JSON line per request: its id, route, status, duration and user id; never an e-mail or a password."""

import json
import logging

import pytest
from django.urls import reverse

from alliance.core.logs import JsonFormatter
from alliance.core.tests.factories import PASSWORD, UserFactory


@pytest.fixture
def request_lines(caplog):
    caplog.set_level(logging.INFO, logger="alliance.requests")

    def lines() -> list[dict]:
        formatter = JsonFormatter()
        return [json.loads(formatter.format(record)) for record in caplog.records if record.name == "alliance.requests"]

    return lines


@pytest.mark.django_db
def test_a_signed_in_request_is_logged_with_its_route_and_user_id(client, request_lines):
    user = UserFactory(email="rep@zen.example.kr")
    client.force_login(user)

    response = client.get("/member_companies", HTTP_X_REQUEST_ID="f" * 32)

    (line,) = request_lines()
    assert {key: line[key] for key in ("request_id", "method", "route", "view", "status", "user_id", "logger")} == {
        "request_id": "f" * 32,
        "method": "GET",
        "route": "member_companies",
        "view": "members:directory",
        "status": 200,
        "user_id": user.pk,
        "logger": "alliance.requests",
    }
    assert (response["X-Request-ID"], isinstance(line["duration_ms"], float)) == ("f" * 32, True)


@pytest.mark.django_db
def test_a_login_post_logs_neither_the_address_nor_the_password(client, request_lines):
    UserFactory(email="rep@zen.example.kr")

    client.post(reverse("core:login"), {"username": "rep@zen.example.kr", "password": PASSWORD})

    (line,) = request_lines()
    text = json.dumps(line, ensure_ascii=False)
    assert (line["route"], line["status"]) == ("accounts/login/", 302)
    assert ("rep@zen" in text, PASSWORD in text) == (False, False)


@pytest.mark.django_db
def test_a_personal_link_is_logged_by_its_route_not_its_token(client, request_lines):
    client.get("/census/secret-token-value/")

    (line,) = request_lines()
    assert (line["route"], "secret-token-value" in json.dumps(line)) == ("census/<str:token>/", False)


def test_a_request_id_not_from_the_trusted_proxy_is_replaced(client, request_lines, db):
    response = client.get("/healthz", REMOTE_ADDR="198.51.100.1", HTTP_X_REQUEST_ID="a" * 32)

    (line,) = request_lines()
    assert (len(line["request_id"]), line["request_id"] != "a" * 32, response["X-Request-ID"]) == (
        32,
        True,
        line["request_id"],
    )


def test_other_records_logged_during_a_request_carry_its_id():
    from alliance.core import logs

    token = logs._current_request_id.set("b" * 32)
    try:
        record = logging.LogRecord("alliance.x", logging.ERROR, __file__, 1, "failed %s", ("here",), None)
        line = json.loads(JsonFormatter().format(record))
    finally:
        logs._current_request_id.reset(token)

    assert {key: line[key] for key in ("level", "logger", "message", "request_id")} == {
        "level": "ERROR",
        "logger": "alliance.x",
        "message": "failed here",
        "request_id": "b" * 32,
    }
