"""Counting page views and visits from a web server's access log in the combined format (nginx's and Apache's
default), for a site that counts at its proxy (`import_access_log`).

Rule: the same rules as recording on the server (services/analytics_recording.py) as far as a log can tell:
GET answered 200, a page and not a file (no extension other than .html/.htm/.php), outside the excluded
prefixes, no crawler; the query string is dropped and a page this site knows is kept as recorded (a public
page's path, any other page's route). Staff cannot be told apart in a log and are counted. The visitor key is
the same keyed hash with a salt made for each day of the log, held in memory and dropped when the log reaches
a later day; visits follow the 30-minute rule (services/analytics_visits.py). Lines that are not in the
combined format are skipped and counted.
Side effects: unless `dry_run`, one transaction adding the views as `PageView` rows and recounting their days.
"""

import datetime
import functools
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from django.db import transaction
from django.urls import Resolver404, resolve
from django.utils import timezone

from alliance.core.permissions import PUBLIC
from alliance.info.models import PageView
from alliance.info.services.analytics_recording import (
    MAX_PATH,
    device_class,
    external_referrer,
    is_excluded_path,
    visitor_key,
)
from alliance.info.services.analytics_visits import DayTotals, count_day, totals_of

COMBINED = re.compile(
    r'^(?P<address>\S+) \S+ \S+ \[(?P<time>[^\]]+)\] "(?P<method>[A-Z]+) (?P<target>\S+)(?: [^"]*)?" '
    r'(?P<status>\d{3}) \S+ "(?P<referer>(?:[^"\\]|\\.)*)" "(?P<agent>(?:[^"\\]|\\.)*)"'
)
LOG_TIME = "%d/%b/%Y:%H:%M:%S %z"
PAGE_EXTENSIONS = {"", ".html", ".htm", ".php"}


@dataclass
class AccessLogCount:
    """What a log held: lines read, views counted, lines skipped by reason, and totals per day."""

    lines: int = 0
    malformed: int = 0
    first_malformed: int | None = None
    not_counted: int = 0
    days: dict[datetime.date, DayTotals] = field(default_factory=dict)

    @property
    def views(self) -> int:
        return sum(day.views for day in self.days.values())

    @property
    def visits(self) -> int:
        return sum(day.visits for day in self.days.values())


class _DailySalts:
    """A salt per day of the log, forgotten as soon as a later day appears."""

    def __init__(self):
        self.day, self.salt = None, b""

    def for_day(self, day: datetime.date) -> bytes:
        if self.day is None or day > self.day:
            self.day, self.salt = day, secrets.token_bytes(32)
        elif day < self.day:
            return secrets.token_bytes(32)  # a late line of a past day: its salt is gone, as on the server
        return self.salt


@functools.lru_cache(maxsize=4096)
def page_of_path(path: str) -> str:
    """A logged path as the server records it: a page of this site by its public path or route."""
    path = unquote(path)
    try:
        match = resolve(path)
    except Resolver404:
        match = None
    if match is not None and getattr(match.func, "required_permission", None) != PUBLIC:
        path = "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"<\1>", match.route or "")
    return (path.rstrip("/") or "/")[:MAX_PATH]


def _view_of(match: re.Match, own_host: str, salts: _DailySalts) -> tuple | None:
    """(key, moment, page, referrer host, device) of a line that counts, else None."""
    path = urlsplit(match["target"]).path
    extension = re.search(r"\.[A-Za-z0-9]{1,5}$", path.rsplit("/", 1)[-1])
    if (
        match["method"] != "GET"
        or match["status"] != "200"
        or (extension and extension.group().lower() not in PAGE_EXTENSIONS)
        or is_excluded_path(path)
    ):
        return None
    agent = match["agent"][:512]
    device = device_class(agent)
    if device is None:
        return None
    moment = datetime.datetime.strptime(match["time"], LOG_TIME)  # noqa: DTZ007  LOG_TIME ends in %z: aware
    salt = salts.for_day(timezone.localdate(moment))
    referrer = external_referrer(match["referer"], own_host) if match["referer"] != "-" else ""
    return visitor_key(match["address"], agent, salt), moment, page_of_path(path), referrer, device


def read_access_log(lines: Iterable[str], *, own_host: str) -> tuple[AccessLogCount, list[tuple]]:
    """Parse and count a log (the module's rule); also returns the counted views."""
    count, views, salts = AccessLogCount(), [], _DailySalts()
    for number, line in enumerate(lines, start=1):
        count.lines += 1
        match = COMBINED.match(line)
        if match is None:
            count.malformed += 1
            count.first_malformed = count.first_malformed or number
            continue
        try:
            view = _view_of(match, own_host, salts)
        except ValueError:  # a time that is no time
            count.malformed += 1
            count.first_malformed = count.first_malformed or number
            continue
        if view is None:
            count.not_counted += 1
            continue
        views.append(view)
    by_day: dict[datetime.date, list] = {}
    for view in views:
        by_day.setdefault(timezone.localdate(view[1]), []).append(view)
    for day, day_views in sorted(by_day.items()):
        count.days[day] = totals_of(sorted(day_views, key=lambda view: (view[0], view[1])))
    return count, views


def import_access_log(*, lines: Iterable[str], own_host: str, dry_run: bool = False) -> AccessLogCount:
    """Count a log and, unless `dry_run`, add its views to the recorded ones (the module's rule).

    Side effects: the module's docstring.
    """
    count, views = read_access_log(lines, own_host=own_host)
    if dry_run or not views:
        return count
    today = timezone.localdate()
    with transaction.atomic():
        PageView.objects.bulk_create(
            (
                PageView(visitor_key=key, viewed_at=moment, path=path, referrer_host=referrer, device=device)
                for key, moment, path, referrer, device in views
            ),
            batch_size=2000,
        )
        for day in count.days:
            count_day(day, today=today)
    return count
