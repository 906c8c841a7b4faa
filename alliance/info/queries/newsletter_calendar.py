"""The newsletter's publishing calendar: Monday to Friday, skipping Korean public holidays.

Holidays come from the `holidays` library (KR: 설날 and 추석 by the lunar calendar, substitute holidays
(대체공휴일), election days), and from the staff-kept overrides (`PublishingOverride`): a holiday announced at
short notice removes a day, "publish anyway" adds one (a weekend or a holiday on which an edition goes out).
`publishing_days` is pure (property-tested); `publishing_dates` reads the overrides.
"""

import datetime
from collections.abc import Iterable, Mapping

import holidays

from alliance.info.models import PublishingOverride

SATURDAY = 5
MAX_RANGE_DAYS = 3 * 366  # a calendar asked for longer than three years is a typo


def korean_holidays(years: Iterable[int]) -> holidays.HolidayBase:
    """Korea's public holidays of `years` (names in Korean)."""
    return holidays.country_holidays("KR", years=sorted(set(years)), language="ko")


def holiday_name(day: datetime.date) -> str:
    """The Korean name of the holiday on `day`, empty when it is none."""
    return korean_holidays([day.year]).get(day) or ""


def _days(start: datetime.date, end: datetime.date):
    day = start
    while day <= end:
        yield day
        day += datetime.timedelta(days=1)


def publishing_days(
    start: datetime.date, end: datetime.date, overrides: Mapping[datetime.date, str] | None = None
) -> list[datetime.date]:
    """The publishing days from `start` to `end` inclusive. `overrides` maps a date to a
    `PublishingOverride.Kind` value; an override wins over the weekday and holiday rule."""
    if end < start:
        return []
    overrides = overrides or {}
    closed = korean_holidays(range(start.year, end.year + 1))
    days = []
    for day in _days(start, end):
        kind = overrides.get(day)
        working_day = day.weekday() < SATURDAY and day not in closed
        if kind == PublishingOverride.Kind.PUBLISH_ANYWAY or (working_day and kind is None):
            days.append(day)
    return days


def overrides_between(start: datetime.date, end: datetime.date) -> dict[datetime.date, str]:
    return dict(PublishingOverride.objects.filter(date__range=(start, end)).values_list("date", "kind"))


def publishing_dates(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    """The publishing days from `start` to `end`, with the staff's overrides."""
    return publishing_days(start, end, overrides_between(start, end))


def is_publishing_day(day: datetime.date) -> bool:
    return publishing_dates(day, day) == [day]


def next_publishing_day(after: datetime.date) -> datetime.date | None:
    """The first publishing day after `after` within a month (None if the calendar is closed that long)."""
    start = after + datetime.timedelta(days=1)
    found = publishing_dates(start, start + datetime.timedelta(days=31))
    return found[0] if found else None
