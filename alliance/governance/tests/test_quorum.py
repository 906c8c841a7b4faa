"""The quorum of a meeting: majority by default, two thirds or a fixed number; observers never count; substitutes
count when the body's rules say so."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alliance.governance.models import QuorumRule
from alliance.governance.quorum import Quorum, compute_quorum, required_seats


@st.composite
def meetings(draw):
    seats = draw(st.integers(min_value=0, max_value=40))
    present = draw(st.integers(min_value=0, max_value=seats))
    substitutes = draw(st.integers(min_value=0, max_value=seats - present))
    return seats, present, substitutes


RULES = st.sampled_from([QuorumRule.MAJORITY, QuorumRule.TWO_THIRDS])


def test_sixteen_seats_need_nine():
    quorum = compute_quorum(rule=QuorumRule.MAJORITY, seats=16, present=9, substitutes=2, substitutes_count=True)
    assert quorum == Quorum(seats=16, required=9, counted=11, met=True)


def test_substitutes_not_counted_when_rules_say_so():
    quorum = compute_quorum(rule=QuorumRule.MAJORITY, seats=16, present=7, substitutes=2, substitutes_count=False)
    assert quorum == Quorum(seats=16, required=9, counted=7, met=False)


def test_two_thirds_rounds_up_and_fixed_number():
    assert required_seats(rule=QuorumRule.TWO_THIRDS, seats=16) == 11
    assert required_seats(rule=QuorumRule.FIXED, seats=16, fixed_count=5) == 5
    assert required_seats(rule=QuorumRule.FIXED, seats=16) == 9  # no number set: the default majority


def test_more_present_than_seats_is_refused():
    with pytest.raises(ValueError, match="seats of the body"):
        compute_quorum(rule=QuorumRule.MAJORITY, seats=3, present=3, substitutes=1, substitutes_count=True)


@given(meetings(), RULES, st.booleans())
def test_met_exactly_when_counted_reaches_required(meeting, rule, substitutes_count):
    seats, present, substitutes = meeting
    quorum = compute_quorum(
        rule=rule, seats=seats, present=present, substitutes=substitutes, substitutes_count=substitutes_count
    )
    assert quorum.counted == present + (substitutes if substitutes_count else 0)
    assert quorum.met == (seats > 0 and quorum.counted >= quorum.required)


@given(meetings())
def test_majority_is_more_than_half(meeting):
    seats, present, _ = meeting
    quorum = compute_quorum(
        rule=QuorumRule.MAJORITY, seats=seats, present=present, substitutes=0, substitutes_count=True
    )
    assert quorum.met == (seats > 0 and 2 * present > seats)


@given(meetings(), RULES)
def test_counting_substitutes_never_loses_a_quorum(meeting, rule):
    seats, present, substitutes = meeting
    without = compute_quorum(rule=rule, seats=seats, present=present, substitutes=substitutes, substitutes_count=False)
    with_ = compute_quorum(rule=rule, seats=seats, present=present, substitutes=substitutes, substitutes_count=True)
    assert not without.met or with_.met


@given(meetings(), RULES, st.booleans())
def test_one_more_present_never_loses_a_quorum(meeting, rule, substitutes_count):
    seats, present, substitutes = meeting
    if present + substitutes == seats:
        return
    before = compute_quorum(
        rule=rule, seats=seats, present=present, substitutes=substitutes, substitutes_count=substitutes_count
    )
    after = compute_quorum(
        rule=rule, seats=seats, present=present + 1, substitutes=substitutes, substitutes_count=substitutes_count
    )
    assert not before.met or after.met


@given(st.integers(min_value=1, max_value=40))
def test_two_thirds_never_asks_less_than_a_majority_minus_rounding(seats):
    assert (
        required_seats(rule=QuorumRule.TWO_THIRDS, seats=seats)
        >= required_seats(rule=QuorumRule.MAJORITY, seats=seats) - 1
    )
    assert 3 * required_seats(rule=QuorumRule.TWO_THIRDS, seats=seats) >= 2 * seats
