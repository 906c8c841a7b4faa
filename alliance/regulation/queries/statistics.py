"""The self-checks seen together by staff and the ethics subcommittee: distribution of totals, averages by
company size and business field, the trend over the years. Companies are anonymous here unless they agreed to
share their result (`share_result`): only those are listed by name."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from alliance.core.figures import EMPLOYEE_BANDS, employee_band
from alliance.regulation.models import SelfCheck

BINS = ((0, 59.9), (60, 69.9), (70, 79.9), (80, 89.9), (90, 100))
MIN_GROUP = 3  # an average over fewer companies would reveal a company's score: shown as "—"


@dataclass(frozen=True)
class Group:
    label: str
    count: int
    average: Decimal | None


def _average(values: list[Decimal]) -> Decimal | None:
    if len(values) < MIN_GROUP:
        return None
    return (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.1"))


def statistics(year: int) -> dict:
    submitted = list(
        SelfCheck.objects.filter(year=year, submitted_at__isnull=False)
        .select_related("organisation")
        .prefetch_related("organisation__fields")
        .order_by("-total")
    )
    totals = [selfcheck.total for selfcheck in submitted]
    distribution = [
        {"label": f"{int(low)}–{int(high)}" if high < 100 else f"{int(low)}–100", "count": 0} for low, high in BINS
    ]
    for total in totals:
        for index, (low, high) in enumerate(BINS):
            if low <= total <= Decimal(str(high)):
                distribution[index]["count"] += 1
    peak = max((row["count"] for row in distribution), default=0) or 1
    for row in distribution:
        row["percent"] = round(row["count"] * 100 / peak)
    by_size: dict[int | None, list] = defaultdict(list)
    by_field: dict[str, list] = defaultdict(list)
    for selfcheck in submitted:
        by_size[employee_band(selfcheck.organisation.employees)].append(selfcheck.total)
        for field in selfcheck.organisation.fields.all():
            by_field[field.name].append(selfcheck.total)
    sizes = [
        Group(str(label), len(by_size[index]), _average(by_size[index]))
        for index, (_key, label, _low, _high) in enumerate(EMPLOYEE_BANDS)
        if by_size[index]
    ]
    fields = sorted(
        (Group(name, len(values), _average(values)) for name, values in by_field.items()),
        key=lambda group: (-group.count, group.label),
    )
    trend = []
    for row_year in sorted(set(SelfCheck.objects.filter(submitted_at__isnull=False).values_list("year", flat=True))):
        values = list(
            SelfCheck.objects.filter(year=row_year, submitted_at__isnull=False).values_list("total", flat=True)
        )
        trend.append({"year": row_year, "count": len(values), "average": _average(values)})
    return {
        "year": year,
        "count": len(submitted),
        "average": _average(totals),
        "distribution": distribution,
        "sizes": sizes,
        "fields": fields,
        "trend": trend,
        "shared": [selfcheck for selfcheck in submitted if selfcheck.share_result],
    }
