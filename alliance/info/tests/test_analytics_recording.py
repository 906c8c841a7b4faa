"""Recording page views on the server: what counts, what is kept, the daily salt, and never failing a page."""

import datetime

import pytest
from django.db import DatabaseError
from django.urls import reverse

from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.info.models import DailySalt, PageView
from alliance.info.services import analytics_recording
from alliance.info.services.analytics_recording import device_class, salt_for, visitor_key
from alliance.info.tests.analytics_support import (
    ANDROID_TABLET,
    DESKTOP,
    GOOGLEBOT,
    IPHONE,
    NAVER_BOT,
    PHONE,
    SCRIPT,
    TABLET,
    recording,  # noqa: F401  the fixture
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("recording")]


def test_a_public_page_is_recorded_by_its_path_without_the_query_string(client):
    response = client.get(
        reverse("members:directory") + "?q=secret&page=2",
        HTTP_USER_AGENT=DESKTOP,
        HTTP_REFERER="https://search.naver.com/search.naver?query=메타버스",
        REMOTE_ADDR="203.0.113.7",
    )

    assert response.status_code == 200
    view = PageView.objects.get()
    assert (view.path, view.referrer_host, view.device) == ("/member_companies", "search.naver.com", "desktop")
    assert len(view.visitor_key) == 32
    assert "203.0.113.7" not in view.visitor_key


def test_the_key_is_the_days_keyed_hash_of_address_and_browser(client):
    client.get(reverse("members:directory"), HTTP_USER_AGENT=DESKTOP, REMOTE_ADDR="203.0.113.7")

    salt = bytes(DailySalt.objects.get().salt)
    assert PageView.objects.get().visitor_key == visitor_key("203.0.113.7", DESKTOP, salt)


def test_a_referrer_from_this_site_is_not_kept(client):
    client.get(reverse("members:directory"), HTTP_USER_AGENT=DESKTOP, HTTP_REFERER="http://testserver/newsletter")

    assert PageView.objects.get().referrer_host == ""


@pytest.mark.parametrize("agent", [GOOGLEBOT, NAVER_BOT, SCRIPT, ""])
def test_crawlers_and_scripts_are_not_recorded(client, agent):
    response = client.get(reverse("members:directory"), HTTP_USER_AGENT=agent)

    assert response.status_code == 200
    assert PageView.objects.count() == 0


def test_staff_are_not_recorded_and_other_signed_in_users_are(client):
    client.force_login(UserFactory(role=Role.STAFF))
    client.get(reverse("members:directory"), HTTP_USER_AGENT=DESKTOP)
    assert PageView.objects.count() == 0

    client.force_login(UserFactory(role=Role.MEMBER_REP))
    client.get(reverse("members:directory"), HTTP_USER_AGENT=DESKTOP)
    assert PageView.objects.count() == 1


def test_static_files_health_checks_posts_errors_and_fragments_are_not_recorded(client):
    client.get("/static/js/member-statistics.js", HTTP_USER_AGENT=DESKTOP)
    client.get(reverse("core:healthz"), HTTP_USER_AGENT=DESKTOP)
    client.get("/no-such-page", HTTP_USER_AGENT=DESKTOP)
    client.post(reverse("members:directory"), HTTP_USER_AGENT=DESKTOP)
    client.get(reverse("members:directory"), HTTP_USER_AGENT=DESKTOP, HTTP_HX_REQUEST="true")

    assert PageView.objects.count() == 0


def test_excluded_prefixes_come_from_the_settings(client, settings):
    settings.ANALYTICS_EXCLUDED_PREFIXES = ["/member_companies"]
    client.get(reverse("members:directory"), HTTP_USER_AGENT=DESKTOP)

    assert PageView.objects.count() == 0


def test_switched_off_nothing_is_recorded(client, settings):
    settings.ANALYTICS_ENABLED = False
    client.get(reverse("members:directory"), HTTP_USER_AGENT=DESKTOP)

    assert PageView.objects.count() == 0


def test_a_page_behind_a_personal_link_is_recorded_by_its_route_not_its_token():
    request = type("Request", (), {})()
    request.resolver_match = type("Match", (), {"func": lambda: None, "route": "census/<str:token>/"})()
    request.path_info = "/census/abcdef-secret-token/"

    assert analytics_recording.page_of(request) == "/census/<token>"


@pytest.mark.parametrize(
    ("agent", "device"),
    [(DESKTOP, "desktop"), (PHONE, "phone"), (IPHONE, "phone"), (TABLET, "tablet"), (ANDROID_TABLET, "tablet")],
)
def test_device_classes(agent, device):
    assert device_class(agent) == device


def test_a_new_days_key_differs_and_yesterdays_salt_is_gone(client):
    client.get(reverse("members:directory"), HTTP_USER_AGENT=DESKTOP, REMOTE_ADDR="203.0.113.7")
    today_row = DailySalt.objects.get()
    today_key = PageView.objects.get().visitor_key

    tomorrow = today_row.day + datetime.timedelta(days=1)
    tomorrow_key = visitor_key("203.0.113.7", DESKTOP, salt_for(tomorrow))

    assert tomorrow_key != today_key
    assert list(DailySalt.objects.values_list("day", flat=True)) == [tomorrow]


def test_every_process_of_a_day_uses_the_same_salt():
    day = datetime.date(2026, 3, 2)
    first = salt_for(day)
    analytics_recording.forget_cached_salt()  # as another process would start

    assert salt_for(day) == first
    assert len(first) == 32


def test_a_database_error_while_recording_still_yields_the_page(client, monkeypatch):
    def broken(*args, **kwargs):
        raise DatabaseError("disk I/O error")

    monkeypatch.setattr(PageView.objects, "bulk_create", broken)
    response = client.get(reverse("members:directory"), HTTP_USER_AGENT=DESKTOP)

    assert response.status_code == 200
    assert PageView.objects.count() == 0
    assert analytics_recording.buffered_count() == 0  # dropped, not piling up


def test_a_salt_that_cannot_be_read_still_yields_the_page(client, monkeypatch):
    def broken(day):
        raise DatabaseError("no such table: info_dailysalt")

    monkeypatch.setattr(analytics_recording, "_stored_salt", broken)
    response = client.get(reverse("members:directory"), HTTP_USER_AGENT=DESKTOP)

    assert response.status_code == 200
    assert PageView.objects.count() == 0


def test_views_wait_in_the_buffer_until_enough_wait(client, settings):
    settings.ANALYTICS_BUFFER_SIZE = 3
    for _ in range(2):
        client.get(reverse("members:directory"), HTTP_USER_AGENT=DESKTOP)
    assert (PageView.objects.count(), analytics_recording.buffered_count()) == (0, 2)

    client.get(reverse("members:directory"), HTTP_USER_AGENT=PHONE)

    assert (PageView.objects.count(), analytics_recording.buffered_count()) == (3, 0)
