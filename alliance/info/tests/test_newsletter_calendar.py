"""The newsletter's publishing calendar: weekdays without Korean public holidays, with staff overrides."""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from hypothesis import given
from hypothesis import strategies as st

from alliance.info.models import PublishingOverride
from alliance.info.queries.newsletter_calendar import korean_holidays, publishing_days

D = datetime.date


def calendar(*args: str) -> list[str]:
    out = StringIO()
    call_command("newsletter_calendar", *args, "--format", "json", stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_lunar_new_year_week_2027_skips_the_holidays_and_the_substitute_day():
    # 2027-02-06 (Sat) 설날 전날, 02-07 (Sun) 설날, 02-08 (Mon) 다음날, 02-09 (Tue) 대체공휴일.
    assert calendar("--from", "2027-02-05", "--to", "2027-02-12") == [
        "2027-02-05",
        "2027-02-10",
        "2027-02-11",
        "2027-02-12",
    ]


@pytest.mark.django_db
def test_substitute_holiday_for_a_sunday_holiday_is_skipped():
    # 2026-03-01 삼일절 is a Sunday: Monday 2026-03-02 is its substitute holiday.
    assert calendar("--from", "2026-02-27", "--to", "2026-03-03") == ["2026-02-27", "2026-03-03"]


@pytest.mark.django_db
def test_local_election_day_2026_06_03_is_skipped():
    assert calendar("--from", "2026-06-01", "--to", "2026-06-05") == [
        "2026-06-01",
        "2026-06-02",
        "2026-06-04",
        "2026-06-05",
    ]


@pytest.mark.django_db
def test_overrides_add_and_remove_days():
    PublishingOverride.objects.create(date=D(2026, 6, 4), kind="extra_holiday", reason="임시공휴일 지정")
    PublishingOverride.objects.create(date=D(2026, 6, 3), kind="publish_anyway", reason="선거 특집")
    assert calendar("--from", "2026-06-01", "--to", "2026-06-05") == [
        "2026-06-01",
        "2026-06-02",
        "2026-06-03",
        "2026-06-05",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--from", "2026-13-01", "--to", "2026-12-31"),
            "--from: 날짜는 YYYY-MM-DD 형식으로 쓰세요(입력: 2026-13-01).",
        ),
        (("--from", "2026-01-01", "--to", "2026/12/31"), "--to: 날짜는 YYYY-MM-DD 형식으로 쓰세요(입력: 2026/12/31)."),
        (("--from", "2026-12-01", "--to", "2026-01-01"), "--to: 마지막 날이 --from(2026-12-01)보다 앞섭니다."),
    ],
)
def test_bad_dates_are_refused_in_korean_naming_the_option(args, message):
    with pytest.raises(CommandError) as refused:
        calendar(*args)
    assert str(refused.value) == message


HOLIDAYS = korean_holidays(range(2024, 2031))
days = st.dates(min_value=D(2024, 1, 1), max_value=D(2030, 12, 31))


@given(
    start=days,
    span=st.integers(min_value=0, max_value=60),
    overrides=st.dictionaries(days, st.sampled_from(list(PublishingOverride.Kind.values)), max_size=6),
)
def test_every_publishing_day_is_a_working_day_or_overridden_and_none_is_missed(start, span, overrides):
    end = start + datetime.timedelta(days=span)
    found = publishing_days(start, end, overrides)
    assert found == sorted(set(found))
    for offset in range(span + 1):
        day = start + datetime.timedelta(days=offset)
        working_day = day.weekday() < 5 and day not in HOLIDAYS
        expected = overrides.get(day, "publish_anyway" if working_day else "extra_holiday") == "publish_anyway"
        assert (day in found) == expected
