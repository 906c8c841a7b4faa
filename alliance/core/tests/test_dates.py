"""Quarters: the one way the quarterly figures cut a year (core/dates.py)."""

import datetime
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alliance.core.dates import quarter_bounds, quarter_months


@given(st.integers(min_value=1900, max_value=2200))
def test_the_four_quarters_tile_the_year(year):
    bounds = [quarter_bounds(year, quarter) for quarter in (1, 2, 3, 4)]

    assert bounds[0][0] == datetime.date(year, 1, 1)
    assert bounds[3][1] == datetime.date(year, 12, 31)
    assert all(last + datetime.timedelta(days=1) == first for (_, last), (first, _) in pairwise(bounds))
    assert [list(quarter_months(quarter)) for quarter in (1, 2, 3, 4)] == [
        [first.month, first.month + 1, last.month] for first, last in bounds
    ]


@pytest.mark.parametrize("quarter", [0, 5, -1])
def test_a_quarter_outside_one_to_four_is_refused(quarter):
    with pytest.raises(ValueError, match=f"quarter must be 1 to 4, not {quarter}"):
        quarter_bounds(2026, quarter)
