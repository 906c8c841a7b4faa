"""Reads of homepage analytics: monthly visits (imported history, else the recorded daily totals), top pages,
referrers, devices, and the visits of a quarter for the briefing.

Every read uses the daily totals (`DailyVisits`, `DailyCount`), never the raw views, so a report over years of
views answers in milliseconds; the recorded totals are as fresh as the last count (the hourly job). For a
month with an imported figure (`import_visits`), the imported figure is the month's visits.
"""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Sum
from django.db.models.functions import ExtractMonth, ExtractYear

from alliance.core.dates import quarter_months
from alliance.info.models import CountKind, DailyCount, DailyVisits, ImportedMonthlyVisits

MONTHS = range(1, 13)
TOP = 10


def _recorded_months(years) -> dict[tuple[int, int], int]:
    rows = (
        DailyVisits.objects.filter(day__year__in=list(years))
        .annotate(year=ExtractYear("day"), month=ExtractMonth("day"))
        .values("year", "month")
        .annotate(visits=Sum("visits"))
    )
    return {(row["year"], row["month"]): row["visits"] for row in rows}


def monthly_visits_of(years) -> dict[int, dict[int, int | None]]:
    """{year: {month: visits or None when there is no figure}} for `years`."""
    years = list(years)
    figures = _recorded_months(years)
    figures.update(((row.year, row.month), row.visits) for row in ImportedMonthlyVisits.objects.filter(year__in=years))
    return {year: {month: figures.get((year, month)) for month in MONTHS} for year in years}


def years_with_visits() -> list[int]:
    """Every year with an imported or recorded figure, oldest first."""
    imported = set(ImportedMonthlyVisits.objects.values_list("year", flat=True).distinct())
    first = DailyVisits.objects.order_by("day").values_list("day", flat=True).first()
    last = DailyVisits.objects.order_by("-day").values_list("day", flat=True).first()
    recorded = set(range(first.year, last.year + 1)) if first else set()
    return sorted(imported | recorded)


def percent(part: int, whole: int) -> Decimal | None:
    """`part` of `whole` in percent, at most two decimals (half up), trailing zeros dropped (0.3, 11.29)."""
    if not whole:
        return None
    value = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return value.normalize() if value != value.to_integral() else value.quantize(Decimal(1))


def change(current: int | None, previous: int | None) -> Decimal | None:
    """Year-on-year change in percent (one decimal), None when either figure is missing or the previous is 0."""
    if current is None or not previous:
        return None
    return (Decimal(current - previous) * 100 / Decimal(previous)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class YearRow:
    """One row of the monthly table: the year, its twelve months (None: no figure), the total, and the change
    against the same months and the total of the year before."""

    year: int
    months: list
    total: int
    changes: list
    total_change: Decimal | None


def monthly_table(years: list[int]) -> list[YearRow]:
    figures = monthly_visits_of([years[0] - 1, *years] if years else [])
    rows = []
    for year in years:
        months = [figures[year][month] for month in MONTHS]
        previous = [figures[year - 1][month] for month in MONTHS]
        total = sum(value or 0 for value in months)
        previous_total = sum(value or 0 for value in previous)
        changes = [change(now, before) for now, before in zip(months, previous, strict=True)]
        rows.append(YearRow(year, months, total, changes, change(total, previous_total)))
    return rows


@dataclass(frozen=True)
class Share:
    key: str
    views: int
    visits: int
    share: Decimal | None


def counted(kind: str, year: int, *, limit: int | None = TOP) -> list[Share]:
    """The pages, referrer hosts or devices of `year` by views, most first, with their share of all views."""
    days = DailyCount.objects.filter(kind=kind, day__year=year)
    whole = DailyVisits.objects.filter(day__year=year).aggregate(views=Sum("views"))["views"] or 0
    rows = days.values("key").annotate(views=Sum("views"), visits=Sum("visits")).order_by("-views", "key")
    rows = rows[:limit] if limit else rows
    return [Share(row["key"], row["views"], row["visits"], percent(row["views"], whole)) for row in rows]


def views_of_year(year: int) -> int:
    return DailyVisits.objects.filter(day__year=year).aggregate(views=Sum("views"))["views"] or 0


def visits_report(year: int) -> dict:
    """The year's figures as `visits_report --format json` prints them."""
    months = monthly_visits_of([year])[year]
    return {
        "year": year,
        "months": {f"{year}-{month:02d}": visits or 0 for month, visits in months.items() if visits is not None},
        "total": sum(visits or 0 for visits in months.values()),
        "top_pages": [
            {"path": row.key, "views": row.views, "share": float(row.share or 0)}
            for row in counted(CountKind.PAGE, year)
        ],
    }


def visits_in_quarter(year: int, quarter: int) -> int:
    """Visits in a quarter (1–4) of `year`, for the quarterly briefing."""
    months = monthly_visits_of([year])[year]
    return sum(months[month] or 0 for month in quarter_months(quarter))


def last_counted_day() -> datetime.date | None:
    return DailyVisits.objects.order_by("-day").values_list("day", flat=True).first()
