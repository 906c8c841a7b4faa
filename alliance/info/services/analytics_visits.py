"""Counting visits and keeping the daily totals the reports read.

Rule: a visit is a run of page views by one visitor key whose gaps are all under 30 minutes (`VISIT_GAP`); a
gap of exactly 30 minutes or more starts a new visit. Keys change every day (the daily salt), so a visit never
spans midnight (Korean time). A day is counted from its raw views into `DailyVisits` and `DailyCount`; a day
counted after its end is `complete` and left alone by later runs (only an access-log import recounts it).
Raw views older than `ANALYTICS_RAW_DAYS` days are deleted once their day is complete.
Side effects: `count_recorded_days` replaces the counted days' totals, deletes expired raw views and the
salts of past days.
"""

import datetime
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from alliance.info.models import CountKind, DailyCount, DailySalt, DailyVisits, PageView

VISIT_GAP = datetime.timedelta(minutes=30)


def visit_starts(moments: Iterable[datetime.datetime]) -> Iterator[bool]:
    """For the time-ordered views of one visitor key: True where a view starts a visit."""
    previous = None
    for moment in moments:
        yield previous is None or moment - previous >= VISIT_GAP
        previous = moment


def count_visits(moments: Iterable[datetime.datetime]) -> int:
    """The visits in one visitor key's views (any order)."""
    return sum(visit_starts(sorted(moments)))


@dataclass
class DayTotals:
    """What one day's views add up to: views, visits, and views/visits by page, referrer and device."""

    views: int = 0
    visits: int = 0
    views_by: dict = field(default_factory=lambda: {kind: Counter() for kind in CountKind.values})
    visits_by: dict = field(default_factory=lambda: {kind: Counter() for kind in CountKind.values})

    def add(self, *, path: str, referrer_host: str, device: str, starts_visit: bool) -> None:
        self.views += 1
        self.visits += starts_visit
        for kind, key in ((CountKind.PAGE, path), (CountKind.REFERRER, referrer_host), (CountKind.DEVICE, device)):
            if key:
                self.views_by[kind][key] += 1
                self.visits_by[kind][key] += starts_visit


def totals_of(rows: Iterable[tuple]) -> DayTotals:
    """Totals of (visitor_key, moment, path, referrer_host, device) rows ordered by key, then moment."""
    totals = DayTotals()
    previous_key, previous_moment = None, None
    for key, moment, path, referrer_host, device in rows:
        starts = key != previous_key or moment - previous_moment >= VISIT_GAP
        totals.add(path=path, referrer_host=referrer_host, device=device, starts_visit=starts)
        previous_key, previous_moment = key, moment
    return totals


def day_bounds(day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The first moment of `day` and of the next day, in Korean time."""
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    return start, timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min))


def count_day(day: datetime.date, *, today: datetime.date) -> DailyVisits:
    """Count one day's raw views into its totals (replacing earlier ones)."""
    start, end = day_bounds(day)
    rows = (
        PageView.objects.filter(viewed_at__gte=start, viewed_at__lt=end)
        .order_by("visitor_key", "viewed_at")
        .values_list("visitor_key", "viewed_at", "path", "referrer_host", "device")
    )
    totals = totals_of(rows.iterator(chunk_size=5000))
    return store_day(day, totals, complete=day < today)


def store_day(day: datetime.date, totals: DayTotals, *, complete: bool) -> DailyVisits:
    with transaction.atomic():
        DailyCount.objects.filter(day=day).delete()
        DailyCount.objects.bulk_create(
            [
                DailyCount(day=day, kind=kind, key=key, views=views, visits=totals.visits_by[kind][key])
                for kind, counter in totals.views_by.items()
                for key, views in counter.items()
            ],
            batch_size=1000,
        )
        daily, _ = DailyVisits.objects.update_or_create(
            day=day, defaults={"views": totals.views, "visits": totals.visits, "complete": complete}
        )
    return daily


def days_to_count(today: datetime.date) -> list[datetime.date]:
    """The days after the last complete one through today (from the first raw view when none is complete)."""
    last_complete = DailyVisits.objects.filter(complete=True).order_by("-day").values_list("day", flat=True).first()
    if last_complete is not None:
        first = last_complete + datetime.timedelta(days=1)
    else:
        earliest = PageView.objects.order_by("viewed_at").values_list("viewed_at", flat=True).first()
        if earliest is None:
            return []
        first = timezone.localdate(earliest)
    return [first + datetime.timedelta(days=offset) for offset in range((today - first).days + 1)]


def count_recorded_days(*, today: datetime.date | None = None) -> str:
    """Count every day not yet complete, delete expired raw views and past salts; a summary for the log.

    Rule and side effects: the module's docstring.
    """
    today = today or timezone.localdate()
    days = days_to_count(today)
    for day in days:
        count_day(day, today=today)
    deleted = delete_expired_views(today=today)
    DailySalt.objects.filter(day__lt=today).delete()
    return f"{len(days)} days counted, {deleted} expired page views deleted"


def delete_expired_views(*, today: datetime.date) -> int:
    """Delete raw views older than ANALYTICS_RAW_DAYS days whose day is complete."""
    keep_from = today - datetime.timedelta(days=settings.ANALYTICS_RAW_DAYS)
    first_incomplete = DailyVisits.objects.filter(complete=False).order_by("day").values_list("day", flat=True).first()
    if first_incomplete is not None:
        keep_from = min(keep_from, first_incomplete)
    deleted, _ = PageView.objects.filter(viewed_at__lt=day_bounds(keep_from)[0]).delete()
    return deleted
