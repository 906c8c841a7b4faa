"""Member statistics as of a date: the quarterly status table, regions, Seoul zones, size and age.

Rules (issue 2; seed 000/001 "회원사 현황", seed 003 tables 5–6 and figure 9):
- A member counts on D when it joined on or before D and had not withdrawn on or before D
  (`membership.member_on_q`).
- The status table counts members per category with the subtotals 기업 (대기업+중기업+소기업),
  기관 (기관·협단체+기타(비영리)) and 대학/산학협력단, and the total; each row also carries the count on the
  same date one year before (29 Feb → 28 Feb) and the change.
- Rounding of shares (비중), stated once for every table: shares are given to one decimal and computed by
  the largest-remainder method over the leaf rows (each 시·도 and 미상; each zone and 미상; each band and
  미상): every leaf gets its share rounded down to 0.1 and the tenths still missing to reach 100.0 go to
  the leaves with the largest remainders (ties: the earlier row). Subtotals are the sums of their leaves'
  rounded shares, so a table always adds up to exactly 100.0 (0.0 everywhere when it is empty).
- Every figure comes from SQL aggregates (one query per table), never from loading organisations.

Keys (`key`) are the Korean names the seed tables, the XLSX export and `member_stats` use — an interface
that does not follow the display language; `label` is the translated display name.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.humanize.templatetags.humanize import intcomma
from django.db.models import Case, Count, IntegerField, Q, Sum, Value, When
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.figures import EMPLOYEE_BANDS
from alliance.core.regions import CAPITAL_AREA, SEOUL_ZONE_ORDER, STATISTICS_SIDO_ORDER, seoul_zone
from alliance.members import phrases
from alliance.members.membership import member_on_q
from alliance.members.models import MemberCategory, Organisation
from alliance.members.models.organisation import CATEGORY_KOREAN, COMPANY_CATEGORIES, INSTITUTION_CATEGORIES

UNKNOWN = "미상"
UNKNOWN_LABEL = pgettext_lazy("statistics", "Unknown")
TENTH = Decimal("0.1")


def year_before(day: datetime.date) -> datetime.date:
    """The same date one year earlier; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def largest_remainder_tenths(values: list[int]) -> list[int]:
    """Shares of `values` in tenths of a percent (0–1000) that add up to exactly 1000.

    Each value gets floor(1000·v/total); the tenths still missing go to the largest remainders, the
    earlier value first on a tie. All zeros when the total is zero.
    """
    total = sum(values)
    if total <= 0:
        return [0] * len(values)
    floors = [value * 1000 // total for value in values]
    remainders = [value * 1000 % total for value in values]
    missing = 1000 - sum(floors)
    order = sorted(range(len(values)), key=lambda i: (-remainders[i], i))
    for index in order[:missing]:
        floors[index] += 1
    return floors


def tenths_to_percent(tenths: int) -> Decimal:
    return (Decimal(tenths) / 10).quantize(TENTH)


# ---------------------------------------------------------------- the quarterly status table


@dataclass(frozen=True)
class StatusRow:
    key: str
    label: object
    count: int
    previous: int
    kind: str = "row"  # row / subtotal / total

    @property
    def change(self) -> int:
        return self.count - self.previous


@dataclass(frozen=True)
class StatusTable:
    as_of: datetime.date
    previous_on: datetime.date
    rows: list[StatusRow]

    @property
    def total(self) -> StatusRow:
        return self.rows[-1]

    def count(self, key: str) -> int:
        return next(row.count for row in self.rows if row.key == key)

    def change_phrase(self, row: StatusRow | None = None) -> str:
        return change_phrase(self.previous_on, (row or self.total).change)


def change_phrase(previous_on: datetime.date, change: int) -> str:
    """As in the seed: "’24년 대비 36개사 증가" / "… 감소" / "… 변동 없음"."""
    values = {"year": f"{previous_on.year % 100:02d}", "count": intcomma(abs(change))}
    if change > 0:
        return str(_("up %(count)s on ’%(year)s") % values)
    if change < 0:
        return str(_("down %(count)s on ’%(year)s") % values)
    return str(_("no change on ’%(year)s") % values)


# (key, label, categories, kind): the seed's column order, subtotals after their rows.
_STATUS_LAYOUT = (
    *((CATEGORY_KOREAN[c], c.label, (c,), "row") for c in COMPANY_CATEGORIES),
    ("기업", phrases.COMPANIES, COMPANY_CATEGORIES, "subtotal"),
    *((CATEGORY_KOREAN[c], c.label, (c,), "row") for c in INSTITUTION_CATEGORIES),
    ("기관", phrases.INSTITUTIONS, INSTITUTION_CATEGORIES, "subtotal"),
    (CATEGORY_KOREAN[MemberCategory.UNIVERSITY], MemberCategory.UNIVERSITY.label, (MemberCategory.UNIVERSITY,), "row"),
    ("총합", phrases.TOTAL, tuple(MemberCategory), "total"),
)


def status_table(as_of: datetime.date) -> StatusTable:
    """Members per category on `as_of` and one year before, in one query."""
    previous_on = year_before(as_of)
    aggregates = {}
    for category in MemberCategory:
        aggregates[f"now_{category.value}"] = Count("id", filter=Q(category=category) & member_on_q(as_of))
        aggregates[f"before_{category.value}"] = Count("id", filter=Q(category=category) & member_on_q(previous_on))
    counts = Organisation.objects.aggregate(**aggregates)
    rows = [
        StatusRow(
            key=key,
            label=label,
            count=sum(counts[f"now_{c.value}"] for c in categories),
            previous=sum(counts[f"before_{c.value}"] for c in categories),
            kind=kind,
        )
        for key, label, categories, kind in _STATUS_LAYOUT
    ]
    return StatusTable(as_of=as_of, previous_on=previous_on, rows=rows)


# ---------------------------------------------------------------- distributions with shares


@dataclass(frozen=True)
class ShareRow:
    key: str
    label: object
    count: int
    share: Decimal
    employees: int = 0
    employee_share: Decimal = Decimal("0.0")
    kind: str = "row"


@dataclass(frozen=True)
class Distribution:
    rows: list[ShareRow] = field(default_factory=list)

    @property
    def leaves(self) -> list[ShareRow]:
        return [row for row in self.rows if row.kind == "row"]

    @property
    def total(self) -> ShareRow:
        return self.rows[-1]

    def counts(self) -> dict[str, int]:
        """Leaf counts by key, in row order."""
        return {row.key: row.count for row in self.leaves}


def _leaf_rows(leaves: list[tuple[str, object, int, int]]) -> list[ShareRow]:
    shares = largest_remainder_tenths([count for _key, _label, count, _emp in leaves])
    employee_shares = largest_remainder_tenths([emp for _key, _label, _count, emp in leaves])
    return [
        ShareRow(key, label, count, tenths_to_percent(share), employees, tenths_to_percent(employee_share))
        for (key, label, count, employees), share, employee_share in zip(leaves, shares, employee_shares, strict=True)
    ]


def _sum_row(key: str, label, rows: list[ShareRow], kind: str) -> ShareRow:
    return ShareRow(
        key=key,
        label=label,
        count=sum(row.count for row in rows),
        share=sum((row.share for row in rows), Decimal("0.0")),
        employees=sum(row.employees for row in rows),
        employee_share=sum((row.employee_share for row in rows), Decimal("0.0")),
        kind=kind,
    )


def region_table(as_of: datetime.date) -> Distribution:
    """Table 5: every 시·도 (서울, 경기, 인천, then the rest in canonical order), 미상, subtotals, total."""
    grouped = {
        row["sido"]: (row["n"], row["employees"] or 0)
        for row in Organisation.objects.filter(member_on_q(as_of))
        .values("sido")
        .annotate(n=Count("id"), employees=Sum("employees"))
        .order_by()
    }
    leaves = [(short, short, *grouped.get(short, (0, 0))) for short in STATISTICS_SIDO_ORDER]
    leaves.append((UNKNOWN, UNKNOWN_LABEL, *grouped.get("", (0, 0))))
    rows = _leaf_rows(leaves)
    capital_rows, other_rows, unknown_row = rows[: len(CAPITAL_AREA)], rows[len(CAPITAL_AREA) : -1], rows[-1]
    return Distribution(
        [
            *capital_rows,
            _sum_row("수도권 소계", _("Capital area subtotal"), capital_rows, "subtotal"),
            *other_rows,
            _sum_row("비수도권 소계", _("Non-capital subtotal"), other_rows, "subtotal"),
            unknown_row,
            _sum_row("계", phrases.TOTAL, rows, "total"),
        ]
    )


def seoul_zone_table(as_of: datetime.date) -> Distribution:
    """Table 6: Seoul's members by zone in the seed's order, 미상 for an unknown district, total."""
    by_zone = {zone: [0, 0] for zone in (*SEOUL_ZONE_ORDER, UNKNOWN)}
    grouped = (
        Organisation.objects.filter(member_on_q(as_of), sido="서울")
        .values("sigungu")
        .annotate(n=Count("id"), employees=Sum("employees"))
        .order_by()
    )
    for row in grouped:
        zone = seoul_zone(row["sigungu"]) or UNKNOWN
        by_zone[zone][0] += row["n"]
        by_zone[zone][1] += row["employees"] or 0
    leaves = [(zone, zone, *by_zone[zone]) for zone in SEOUL_ZONE_ORDER]
    leaves.append((UNKNOWN, UNKNOWN_LABEL, *by_zone[UNKNOWN]))
    rows = _leaf_rows(leaves)
    return Distribution([*rows, _sum_row("계", phrases.TOTAL, rows, "total")])


# Employee-size bands (seed 003, figure 9): (key, label, lowest, highest or None).
SIZE_BANDS = EMPLOYEE_BANDS  # core/figures.py: the same bands wherever employees are banded
# Company age 업력 = the year of D minus the founding year (founded in D's year: 0, in "3년 이하").
AGE_BANDS = (
    ("3년 이하", _("3 years or less"), 0, 3),
    ("4~7년", _("4–7 years"), 4, 7),
    ("8~10년", _("8–10 years"), 8, 10),
    ("11~20년", _("11–20 years"), 11, 20),
    ("21년 이상", _("21 years or more"), 21, None),
)


def _banded(as_of: datetime.date, whens: list[When], bands) -> Distribution:
    grouped = dict(
        Organisation.objects.filter(member_on_q(as_of))
        .annotate(band=Case(*whens, default=Value(-1), output_field=IntegerField()))
        .values("band")
        .annotate(n=Count("id"))
        .order_by()
        .values_list("band", "n")
    )
    leaves = [(key, label, grouped.get(index, 0), 0) for index, (key, label, _low, _high) in enumerate(bands)]
    leaves.append((UNKNOWN, UNKNOWN_LABEL, grouped.get(-1, 0), 0))
    rows = _leaf_rows(leaves)
    return Distribution([*rows, _sum_row("계", phrases.TOTAL, rows, "total")])


def size_table(as_of: datetime.date) -> Distribution:
    """Members by employee-size band; no employee count → 미상."""
    whens = []
    for index, (_key, _label, low, high) in enumerate(SIZE_BANDS):
        condition = Q(employees__gte=low) if high is None else Q(employees__gte=low, employees__lte=high)
        whens.append(When(condition, then=Value(index)))
    return _banded(as_of, whens, SIZE_BANDS)


def age_table(as_of: datetime.date) -> Distribution:
    """Members by company age in D's year; no founding year → 미상; founded after D's year → 3년 이하."""
    year = as_of.year
    whens = []
    for index, (_key, _label, low, high) in enumerate(AGE_BANDS):
        # age = year - founded_year, so low <= age <= high  ⇔  year - high <= founded_year <= year - low.
        condition = Q(founded_year__lte=year - low)
        if index == 0:
            condition = Q(founded_year__isnull=False) & Q(founded_year__gte=year - high)
        elif high is not None:
            condition &= Q(founded_year__gte=year - high)
        whens.append(When(condition, then=Value(index)))
    return _banded(as_of, whens, AGE_BANDS)


# ---------------------------------------------------------------- everything at once


@dataclass(frozen=True)
class MemberStatistics:
    as_of: datetime.date
    status: StatusTable
    regions: Distribution
    seoul_zones: Distribution
    sizes: Distribution
    ages: Distribution


def member_statistics(as_of: datetime.date) -> MemberStatistics:
    """All tables as of `as_of`: five aggregate queries whatever the number of members."""
    return MemberStatistics(
        as_of=as_of,
        status=status_table(as_of),
        regions=region_table(as_of),
        seoul_zones=seoul_zone_table(as_of),
        sizes=size_table(as_of),
        ages=age_table(as_of),
    )


def summary(stats: MemberStatistics) -> dict:
    """The `member_stats --format json` object (issue 2's shape): Korean keys, all 17 시·도 in table 5's
    order and all 5 zones in table 6's, zeros included.

    `by_sido` and `seoul_zones` hold real names only; members without a 시·도, and Seoul members without a
    known district, are counted in the top-level `sido_unknown` and `seoul_zone_unknown` (0 when none).
    """
    by_sido = stats.regions.counts()
    unknown_sido = by_sido.pop(UNKNOWN)
    zones = stats.seoul_zones.counts()
    unknown_zone = zones.pop(UNKNOWN)
    return {
        "as_of": stats.as_of.isoformat(),
        "total": stats.status.total.count,
        "by_category": {CATEGORY_KOREAN[c]: stats.status.count(CATEGORY_KOREAN[c]) for c in MemberCategory},
        "by_sido": by_sido,
        "seoul_zones": zones,
        "sido_unknown": unknown_sido,
        "seoul_zone_unknown": unknown_zone,
    }


def chart_data(stats: MemberStatistics) -> dict:
    """What `static/js/member-statistics.js` draws, passed through `json_script`."""

    def series(rows) -> dict:
        return {"labels": [str(row.label) for row in rows], "counts": [row.count for row in rows]}

    return {
        "category": series([row for row in stats.status.rows if row.kind == "row"]),
        "sido": series([row for row in stats.regions.leaves if row.count or row.key != UNKNOWN]),
        "zones": series([row for row in stats.seoul_zones.leaves if row.count or row.key != UNKNOWN]),
        "sizes": series(stats.sizes.leaves),
        "ages": series(stats.ages.leaves),
        "count_label": str(_("Members")),
    }
