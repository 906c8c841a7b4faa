"""Dates and times shown to people: the one way to format them, in the active language's conventions.

Rule: a date or time on a page, in an e-mail or in a message is formatted by a named format of the active
language (`alliance/formats/<language>/formats.py`): Korean visitors read 2026. 4. 15. 18:00, English
visitors 2026-04-15 18:00. Times are shown in Korean time (TIME_ZONE). Templates use `|kdate` (dates, or
`|kdate:"NAME"` for another named format) or Django's `|date:"DATETIME_FORMAT"`; Python uses
`format_moment`. Django's `|date` knows only its own format names; `kdate` also knows the ones the project
adds, such as DATETIME_SECONDS_FORMAT (a deadline or a submission time to the second).
"""

import datetime

from django.utils import timezone
from django.utils.formats import FORMAT_SETTINGS, date_format, get_format, get_format_modules

DATE = "DATE_FORMAT"
DATETIME = "DATETIME_FORMAT"
DATETIME_SECONDS = "DATETIME_SECONDS_FORMAT"


def named_format(name: str) -> str:
    """The active language's format called `name`: one of Django's, or one declared in alliance/formats."""
    if name in FORMAT_SETTINGS:
        return get_format(name)
    for module in get_format_modules():
        if hasattr(module, name):
            return getattr(module, name)
    raise ValueError(f"No date format named {name} for the active language.")


def format_moment(value: datetime.date | datetime.datetime, name: str = DATE) -> str:
    """`value` in the active language's format `name`; an aware datetime in Korean time."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return date_format(value, named_format(name))


def quarter_bounds(year: int, quarter: int) -> tuple[datetime.date, datetime.date]:
    """The first and last day of a quarter (1–4) of `year`: the one way the quarterly figures (the steering
    committee's briefing) cut the year."""
    if quarter not in (1, 2, 3, 4):
        raise ValueError(f"quarter must be 1 to 4, not {quarter!r}")
    first = datetime.date(year, 3 * quarter - 2, 1)
    following = datetime.date(year + 1, 1, 1) if quarter == 4 else datetime.date(year, 3 * quarter + 1, 1)
    return first, following - datetime.timedelta(days=1)


def period_moments(year: int, quarter: int | None = None) -> tuple[datetime.datetime, datetime.datetime]:
    """The first moment (Korean time) of the quarter — of the whole year when `quarter` is None — and of the day
    after it: for counting what happened at a time (a post going up) rather than on a date."""
    first, last = quarter_bounds(year, quarter) if quarter is not None else (datetime.date(year, 1, 1), None)
    after = last + datetime.timedelta(days=1) if last else datetime.date(year + 1, 1, 1)
    return tuple(timezone.make_aware(datetime.datetime.combine(day, datetime.time())) for day in (first, after))


def quarter_months(quarter: int) -> range:
    """The months (1–12) of a quarter."""
    if quarter not in (1, 2, 3, 4):
        raise ValueError(f"quarter must be 1 to 4, not {quarter!r}")
    return range(3 * quarter - 2, 3 * quarter + 1)
