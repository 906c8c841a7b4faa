"""Demo data of homepage analytics: two years of visits.

- History: the old site's monthly totals of seed 001 (2024, and 2025 to November) through `import_visits`.
- Counted days: from December 2025 to RAW_DAYS days ago, daily totals as the hourly count leaves them once raw
  views have expired (synthetic, in the seed's proportions: the directory first, then the front page, the
  report archive, the newsletter, the news and the notices).
- Recorded days: the last RAW_DAYS days as synthetic raw page views (visitor keys made with each day's salt,
  gaps drawn so that the 30-minute rule matters), counted by the same service the job runs.
"""

import datetime
import random
import secrets

from django.db import transaction
from django.utils import timezone

from alliance.info.models import PageView
from alliance.info.services.analytics_history import import_visits
from alliance.info.services.analytics_recording import visitor_key
from alliance.info.services.analytics_visits import DayTotals, count_day, store_day

SEED_MONTHS = {
    2024: [19123, 19703, 19042, 16325, 12995, 14288, 16143, 21271, 18258, 25673, 22258, 16731],
    2025: [17253, 15840, 21186, 29557, 40212, 26875, 37831, 43472, 75876, 106783, 97648],
}
# Pages by weight, in the order of seed 001's top pages ('25년 11월 기준), then the rest of the site.
PAGES = [
    ("/member_companies", 40),
    ("/", 10),
    ("/member_companies/주식회사 젭", 6),
    ("/metabus_trends_reports", 5),
    ("/newsletter", 4),
    ("/alliance_news", 3),
    ("/notice_board", 3),
    ("/ecosystem", 3),
    ("/member_companies/뉴토", 2),
    ("/programs", 2),
]
REFERRERS = [("", 55), ("search.naver.com", 20), ("www.google.com", 14), ("m.search.naver.com", 6),
             ("www.daum.net", 3), ("news.naver.com", 2)]  # fmt: skip
DEVICES = [("desktop", 62), ("phone", 33), ("tablet", 5)]
RAW_DAYS = 14
DAILY_VISITS = 3000  # about December 2025's level: 90,000 a month
VIEWS_PER_VISIT = 2.4


def _pick(rng: random.Random, weighted) -> str:
    return rng.choices([key for key, _ in weighted], weights=[weight for _, weight in weighted])[0]


def _visits_on(day: datetime.date, rng: random.Random) -> int:
    weekday = 1.0 if day.weekday() < 5 else 0.45
    return int(DAILY_VISITS * weekday * rng.uniform(0.8, 1.2))


def _counted_day(day: datetime.date, rng: random.Random) -> DayTotals:
    """A day's totals drawn in the seed's proportions (what the count leaves after the raw views expired)."""
    totals = DayTotals()
    for _ in range(_visits_on(day, rng) // 10):  # ten visits alike at a time: quick, and the same proportions
        path, referrer, device = _pick(rng, PAGES), _pick(rng, REFERRERS), _pick(rng, DEVICES)
        for _ in range(10):
            totals.add(path=path, referrer_host=referrer, device=device, starts_visit=True)
            for _ in range(max(0, round(rng.expovariate(1 / (VIEWS_PER_VISIT - 1))))):
                totals.add(path=_pick(rng, PAGES), referrer_host="", device=device, starts_visit=False)
    return totals


def _raw_views(day: datetime.date, rng: random.Random) -> list[PageView]:
    """A day's synthetic page views: visitors keyed with a salt of that day only."""
    salt, views = secrets.token_bytes(32), []
    opening = timezone.make_aware(datetime.datetime.combine(day, datetime.time(7, 0)))
    for number in range(_visits_on(day, rng)):
        key = visitor_key(f"198.51.{number // 250}.{number % 250}", f"demo-browser-{number % 7}", salt)
        device, moment = _pick(rng, DEVICES), opening + datetime.timedelta(minutes=rng.uniform(0, 15 * 60))
        referrer = _pick(rng, REFERRERS)
        for _ in range(1 + round(rng.expovariate(1 / (VIEWS_PER_VISIT - 1)))):
            views.append(PageView(viewed_at=moment, path=_pick(rng, PAGES), referrer_host=referrer, device=device,
                                  visitor_key=key))  # fmt: skip
            referrer = ""
            moment += datetime.timedelta(minutes=rng.choice([1, 2, 3, 5, 8, 29, 31, 45]))
    return views


@transaction.atomic  # one commit: a day at a time would wait for the disk hundreds of times
def load_analytics_demo(*, seed: int) -> str:
    rng = random.Random(seed)  # noqa: S311  demo data, reproducible by seed
    lines = ["연도,월,방문수"] + [
        f"{year},{month},{visits}" for year, months in SEED_MONTHS.items() for month, visits in enumerate(months, 1)
    ]
    imported = import_visits(data="\n".join(lines).encode(), source="demo_data")
    today = timezone.localdate()
    first_raw = today - datetime.timedelta(days=RAW_DAYS)
    day = datetime.date(2025, 12, 1)
    while day < first_raw:
        store_day(day, _counted_day(day, rng), complete=True)
        day += datetime.timedelta(days=1)
    raw = 0
    while day <= today:
        views = _raw_views(day, rng)
        PageView.objects.bulk_create(views, batch_size=2000)
        count_day(day, today=today)
        raw += len(views)
        day += datetime.timedelta(days=1)
    return (
        f"Homepage visits: {imported.months} months of history imported, daily totals from 2025-12-01, "
        f"{raw:,} page views recorded in the last {RAW_DAYS + 1} days."
    )
