"""Counting visits: the 30-minute rule, the daily totals, keeping raw views, and the report's figures."""

import datetime
import itertools

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from alliance.info.models import CountKind, DailyCount, DailySalt, DailyVisits, ImportedMonthlyVisits, PageView
from alliance.info.queries.analytics import monthly_table, percent, visits_in_quarter, visits_report
from alliance.info.services.analytics_visits import count_recorded_days, count_visits

START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


def minutes(*offsets):
    return [START + datetime.timedelta(minutes=offset) for offset in offsets]


def test_a_gap_of_exactly_30_minutes_starts_a_new_visit():
    assert count_visits(minutes(0, 30)) == 2


def test_a_gap_just_under_30_minutes_continues_the_visit():
    assert count_visits(minutes(0, 29.999)) == 1


def test_views_in_any_order_count_the_same():
    assert count_visits(minutes(70, 0, 10, 35)) == 2


@hypothesis_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(min_value=0, max_value=24 * 60 * 60), max_size=30))
def test_visits_are_the_runs_split_at_gaps_of_30_minutes_or_more(seconds):
    moments = [START + datetime.timedelta(seconds=second) for second in seconds]
    ordered = sorted(seconds)
    gaps = [later - earlier for earlier, later in itertools.pairwise(ordered)]

    assert count_visits(moments) == (1 + sum(gap >= 30 * 60 for gap in gaps) if seconds else 0)


@hypothesis_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(min_value=0, max_value=24 * 60 * 60), min_size=1, max_size=30), st.data())
def test_splitting_views_at_a_long_gap_adds_the_parts_visits(seconds, data):
    ordered = sorted(seconds)
    cut = data.draw(st.integers(min_value=0, max_value=len(ordered)))
    before, after = ordered[:cut], [second + 30 * 60 + ordered[-1] for second in ordered[cut:]]
    moments = [START + datetime.timedelta(seconds=second) for second in before + after]

    as_one = count_visits(moments)
    as_parts = count_visits(moments[: len(before)]) + count_visits(moments[len(before) :])
    assert as_one == as_parts


def _view(moment, key, path="/member_companies", referrer="", device="desktop"):
    return PageView.objects.create(viewed_at=moment, visitor_key=key, path=path, referrer_host=referrer, device=device)


@pytest.mark.django_db
def test_a_day_is_counted_into_its_totals():
    day = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=timezone.get_current_timezone())
    _view(day, "a", referrer="search.naver.com", device="phone")
    _view(day + datetime.timedelta(minutes=5), "a", path="/newsletter", device="phone")
    _view(day + datetime.timedelta(minutes=35), "a", device="phone")
    _view(day, "b", path="/")

    assert count_recorded_days(today=datetime.date(2026, 3, 3)) == "2 days counted, 0 expired page views deleted"

    totals = DailyVisits.objects.get(day=datetime.date(2026, 3, 2))
    assert (totals.views, totals.visits, totals.complete) == (4, 3, True)
    counts = {(row.kind, row.key): (row.views, row.visits) for row in DailyCount.objects.filter(day=totals.day)}
    assert counts == {
        (CountKind.PAGE, "/member_companies"): (2, 2),
        (CountKind.PAGE, "/newsletter"): (1, 0),
        (CountKind.PAGE, "/"): (1, 1),
        (CountKind.REFERRER, "search.naver.com"): (1, 1),
        (CountKind.DEVICE, "phone"): (3, 2),
        (CountKind.DEVICE, "desktop"): (1, 1),
    }
    assert DailyVisits.objects.get(day=datetime.date(2026, 3, 3)).complete is False


@pytest.mark.django_db
def test_a_complete_day_is_not_counted_again_and_old_raw_views_and_salts_go(settings):
    settings.ANALYTICS_RAW_DAYS = 10
    tz = timezone.get_current_timezone()
    _view(datetime.datetime(2026, 3, 2, 10, 0, tzinfo=tz), "a")
    _view(datetime.datetime(2026, 3, 20, 10, 0, tzinfo=tz), "b")
    DailySalt.objects.create(day=datetime.date(2026, 3, 19), salt=b"x" * 32)
    count_recorded_days(today=datetime.date(2026, 3, 20))

    outcome = count_recorded_days(today=datetime.date(2026, 3, 21))

    assert outcome == "2 days counted, 0 expired page views deleted"  # the 20th (then incomplete) and the 21st
    assert PageView.objects.count() == 1
    assert DailyVisits.objects.get(day=datetime.date(2026, 3, 2)).views == 1  # the totals stay
    assert DailySalt.objects.count() == 0


@pytest.mark.django_db
def test_the_report_takes_imported_months_and_recorded_days():
    ImportedMonthlyVisits.objects.create(year=2025, month=1, visits=17253)
    ImportedMonthlyVisits.objects.create(year=2024, month=1, visits=19123)
    DailyVisits.objects.create(day=datetime.date(2025, 12, 1), views=50, visits=20, complete=True)
    DailyVisits.objects.create(day=datetime.date(2025, 12, 2), views=40, visits=15, complete=True)
    DailyCount.objects.create(day=datetime.date(2025, 12, 1), kind=CountKind.PAGE, key="/member_companies", views=60)
    DailyCount.objects.create(day=datetime.date(2025, 12, 2), kind=CountKind.PAGE, key="/newsletter", views=30)

    assert visits_report(2025) == {
        "year": 2025,
        "months": {"2025-01": 17253, "2025-12": 35},
        "total": 17288,
        "top_pages": [
            {"path": "/member_companies", "views": 60, "share": 66.67},
            {"path": "/newsletter", "views": 30, "share": 33.33},
        ],
    }
    assert visits_in_quarter(2025, 1) == 17253
    assert visits_in_quarter(2025, 4) == 35
    row = monthly_table([2025])[0]
    assert (row.total, str(row.changes[0]), row.changes[1]) == (17288, "-9.8", None)


def test_shares_have_at_most_two_decimals_as_the_old_report():
    assert [str(percent(33012, 292400)), str(percent(868, 289333)), str(percent(1, 1))] == ["11.29", "0.3", "100"]
