"""The statistics computations against a brute-force count over random members (hypothesis)."""

import datetime
from decimal import Decimal

import pytest
from django.db import transaction
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance.core.regions import SEOUL_DISTRICTS, SEOUL_ZONE_ORDER, SIDO, seoul_zone
from alliance.members.models import MemberCategory, Organisation
from alliance.members.models.organisation import CATEGORY_KOREAN
from alliance.members.statistics import (
    change_phrase,
    largest_remainder_tenths,
    member_statistics,
    status_table,
    year_before,
)
from alliance.members.tests.factories import OrganisationFactory

SIDO_VALUES = ["", *(sido.short for sido in SIDO)]
DAYS = st.dates(min_value=datetime.date(2020, 1, 1), max_value=datetime.date(2026, 12, 31))
MEMBER = st.fixed_dictionaries(
    {
        "joined_on": DAYS,
        "stay": st.one_of(st.none(), st.integers(min_value=0, max_value=1500)),
        "category": st.sampled_from(list(MemberCategory)),
        "sido": st.sampled_from(SIDO_VALUES),
        "sigungu": st.sampled_from(["", "판교동", *SEOUL_DISTRICTS]),
        "employees": st.one_of(st.none(), st.integers(min_value=0, max_value=2000)),
        "founded_year": st.one_of(st.none(), st.integers(min_value=1950, max_value=2027)),
    }
)


def _organisations(members) -> list[Organisation]:
    return [
        Organisation(
            name=f"테스트{index}",
            name_key=f"test{index}",
            category=member["category"],
            joined_on=member["joined_on"],
            withdrawn_on=None
            if member["stay"] is None
            else member["joined_on"] + datetime.timedelta(days=member["stay"]),
            sido=member["sido"],
            sigungu=member["sigungu"],
            employees=member["employees"],
            founded_year=member["founded_year"],
        )
        for index, member in enumerate(members)
    ]


def _size_band(employees):
    if employees is None:
        return "미상"
    for limit, key in ((9, "10인 미만"), (19, "10~19인"), (49, "20~49인"), (99, "50~99인"), (299, "100~299인")):
        if employees <= limit:
            return key
    return "300인 이상"


def _age_band(founded_year, year):
    if founded_year is None:
        return "미상"
    age = year - founded_year
    for limit, key in ((3, "3년 이하"), (7, "4~7년"), (10, "8~10년"), (20, "11~20년")):
        if age <= limit:
            return key
    return "21년 이상"


def _tally(keys) -> dict:
    result = {}
    for key in keys:
        result[key] = result.get(key, 0) + 1
    return result


def _nonzero(counts: dict) -> dict:
    return {key: count for key, count in counts.items() if count}


@given(values=st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=20))
def test_largest_remainder_tenths_adds_up_to_1000(values):
    tenths = largest_remainder_tenths(values)

    assert sum(tenths) == (1000 if sum(values) else 0)
    # Each share is its exact value rounded down or up by less than one tenth.
    for value, share in zip(values, tenths, strict=True):
        exact = Decimal(value * 1000) / sum(values) if sum(values) else 0
        assert abs(share - exact) < 1


def test_year_before_leap_day_becomes_28_february():
    assert (year_before(datetime.date(2024, 2, 29)), year_before(datetime.date(2025, 12, 31))) == (
        datetime.date(2023, 2, 28),
        datetime.date(2024, 12, 31),
    )


def test_change_phrase_up_down_and_no_change():
    with translation.override("en"):
        phrases = [change_phrase(datetime.date(2024, 12, 31), change) for change in (36, -1234, 0)]

    assert phrases == ["up 36 on ’24", "down 1,234 on ’24", "no change on ’24"]


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(members=st.lists(MEMBER, max_size=25), as_of=DAYS)
def test_statistics_match_brute_force_count(members, as_of):
    with transaction.atomic():
        organisations = Organisation.objects.bulk_create(_organisations(members))
        stats = member_statistics(as_of)
        transaction.set_rollback(True)

    current = [org for org in organisations if org.is_member_on(as_of)]
    previous = [org for org in organisations if org.is_member_on(year_before(as_of))]
    status = {row.key: row for row in stats.status.rows}
    # Per category: the count on D and one year before, and their difference.
    for category in MemberCategory:
        row = status[CATEGORY_KOREAN[category]]
        expected = (
            sum(org.category == category for org in current),
            sum(org.category == category for org in previous),
        )
        assert (row.count, row.previous) == expected
        assert row.change == expected[0] - expected[1]
    assert (status["총합"].count, status["총합"].previous) == (len(current), len(previous))
    assert status["기업"].count == status["대기업"].count + status["중기업"].count + status["소기업"].count
    assert status["기관"].count == status["기관·협단체"].count + status["기타(비영리)"].count
    assert status["총합"].count == status["기업"].count + status["기관"].count + status["대학/산학협력단"].count
    # Regions, zones, size and age bands.
    assert _nonzero(stats.regions.counts()) == _tally(org.sido or "미상" for org in current)
    seoul = [org for org in current if org.sido == "서울"]
    assert _nonzero(stats.seoul_zones.counts()) == _tally(seoul_zone(org.sigungu) or "미상" for org in seoul)
    assert _nonzero(stats.sizes.counts()) == _tally(_size_band(org.employees) for org in current)
    assert _nonzero(stats.ages.counts()) == _tally(_age_band(org.founded_year, as_of.year) for org in current)
    assert list(stats.seoul_zones.counts()) == [*SEOUL_ZONE_ORDER, "미상"]
    # Shares: leaves add up to exactly 100.0 (0.0 when empty); subtotals and totals are sums of their rows.
    for table in (stats.regions, stats.seoul_zones, stats.sizes, stats.ages):
        expected_total = Decimal("100.0") if table.total.count else Decimal("0.0")
        assert sum(row.share for row in table.leaves) == expected_total
        assert table.total.share == expected_total
        assert table.total.count == sum(row.count for row in table.leaves)
    employees = sum(org.employees or 0 for org in current)
    assert stats.regions.total.employees == employees
    assert sum(row.employee_share for row in stats.regions.leaves) == (Decimal("100.0") if employees else 0)
    capital, other = (row for row in stats.regions.rows if row.kind == "subtotal")
    assert capital.count == sum(org.sido in {"서울", "경기", "인천"} for org in current)
    assert capital.share + other.share + stats.regions.rows[-2].share == stats.regions.total.share


@pytest.mark.django_db
def test_status_table_counts_members_on_the_date_only():
    OrganisationFactory(name="가입전", joined_on=datetime.date(2026, 1, 1))
    OrganisationFactory(name="당일가입", joined_on=datetime.date(2025, 12, 31))
    OrganisationFactory(name="당일탈퇴", joined_on=datetime.date(2023, 1, 1), withdrawn_on=datetime.date(2025, 12, 31))
    OrganisationFactory(
        name="다음날탈퇴",
        joined_on=datetime.date(2023, 1, 1),
        withdrawn_on=datetime.date(2026, 1, 1),
        category=MemberCategory.UNIVERSITY,
    )

    table = status_table(datetime.date(2025, 12, 31))

    assert [(row.key, row.count, row.previous) for row in table.rows] == [
        ("대기업", 0, 0),
        ("중기업", 0, 0),
        ("소기업", 1, 1),
        ("기업", 1, 1),
        ("기관·협단체", 0, 0),
        ("기타(비영리)", 0, 0),
        ("기관", 0, 0),
        ("대학/산학협력단", 1, 1),
        ("총합", 2, 2),
    ]


@pytest.mark.django_db
def test_region_table_lists_every_sido_with_zero_rows():
    OrganisationFactory(name="부산회사", sido="부산", sigungu="해운대구", employees=30)

    table = member_statistics(datetime.date(2025, 1, 1)).regions

    assert [(row.key, row.count, str(row.share), row.employees) for row in table.rows] == [
        ("서울", 0, "0.0", 0),
        ("경기", 0, "0.0", 0),
        ("인천", 0, "0.0", 0),
        ("수도권 소계", 0, "0.0", 0),
        ("부산", 1, "100.0", 30),
        *((sido.short, 0, "0.0", 0) for sido in SIDO if not sido.capital_area and sido.short != "부산"),
        ("비수도권 소계", 1, "100.0", 30),
        ("미상", 0, "0.0", 0),
        ("계", 1, "100.0", 30),
    ]
