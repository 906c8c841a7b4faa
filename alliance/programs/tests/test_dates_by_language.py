"""Dates follow the visitor's language: Korean visitors read 2026. 4. 15., English visitors 2026-04-15."""

import datetime
import zoneinfo

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from alliance.core.dates import DATETIME_SECONDS, format_moment
from alliance.members.tests.factories import OrganisationFactory
from alliance.programs.tests.factories import ProgrammeFactory, representative

pytestmark = pytest.mark.django_db
SEOUL = zoneinfo.ZoneInfo("Asia/Seoul")


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("ko", "2026. 3. 2. ~ 2026. 4. 15. 18:00:00"),
        ("en", "2026-03-02 to 2026-04-15 18:00:00"),
    ],
)
def test_the_call_period_is_shown_in_the_visitors_language(client, language, shown):
    programme = ProgrammeFactory(year=2026, call_open=True)
    programme.stages.filter(kind="call").update(
        starts_at=datetime.datetime(2026, 3, 2, 9, 0, tzinfo=SEOUL),
        ends_at=datetime.datetime(2026, 4, 15, 18, 0, tzinfo=SEOUL),
    )
    client.force_login(representative(OrganisationFactory()))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language

    page = client.get(reverse("programs:apply_home", args=[2026])).content.decode()

    assert shown in page
    assert "2,026" not in page


def test_a_utc_moment_is_told_in_korean_time_in_each_language():
    moment = datetime.datetime(2026, 4, 15, 9, 0, 5, tzinfo=datetime.UTC)

    with translation.override("ko"):
        korean = format_moment(moment, DATETIME_SECONDS)
    with translation.override("en"):
        english = format_moment(moment, DATETIME_SECONDS)

    assert (korean, english) == ("2026. 4. 15. 18:00:05", "2026-04-15 18:00:05")
