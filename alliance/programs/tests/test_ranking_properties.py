"""Properties of every ranking rule, over random panels with small integer points (so ties are frequent)."""

import random
import statistics
from dataclasses import replace
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from alliance.programs.ranking import RULES, Sheet, rank

CRITERIA = (("독창성 및 혁신성", True), ("시장 수익가능성", True), ("사용자 목적성", False))


@st.composite
def panels(draw, min_judges=3):
    """Sheets of a complete panel: every judge scores every criterion of every group."""
    judges = [f"심사위원{i}" for i in range(draw(st.integers(min_value=min_judges, max_value=6)))]
    groups = [f"PG-{i:02d}" for i in range(draw(st.integers(min_value=2, max_value=6)))]
    criteria = CRITERIA[: draw(st.integers(min_value=2, max_value=3))]
    points = st.integers(min_value=0, max_value=4).map(lambda n: Fraction(n * 5, 2))
    return [
        Sheet(judge=judge, group=group, criterion=name, points=draw(points), is_common=common)
        for group in groups
        for judge in judges
        for name, common in criteria
    ]


def totals_of(sheets):
    totals = {}
    for sheet in sheets:
        totals.setdefault(sheet.group, {}).setdefault(sheet.judge, Fraction(0))
        totals[sheet.group][sheet.judge] += sheet.points
    return totals


def standings(result):
    return {row.group: (row.rank, row.exact, row.needs_decision) for row in result.rows}


@settings(max_examples=80, deadline=None)
@given(sheets=panels(), rule=st.sampled_from(RULES), seed=st.randoms(use_true_random=False))
def test_rank_input_order_does_not_matter(sheets, rule, seed):
    shuffled = list(sheets)
    seed.shuffle(shuffled)

    assert rank(shuffled, rule=rule) == rank(sheets, rule=rule)


@settings(max_examples=80, deadline=None)
@given(sheets=panels(), rule=st.sampled_from(RULES), seed=st.randoms(use_true_random=False))
def test_rank_judge_names_do_not_matter(sheets, rule, seed):
    names = sorted({sheet.judge for sheet in sheets})
    renamed = dict(zip(names, seed.sample(names, len(names)), strict=True))
    relabelled = [replace(sheet, judge=renamed[sheet.judge]) for sheet in sheets]

    assert standings(rank(relabelled, rule=rule)) == standings(rank(sheets, rule=rule))


@settings(max_examples=80, deadline=None)
@given(sheets=panels())
def test_trimmed_mean_equals_hand_computation(sheets):
    result = rank(sheets, rule="trimmed_mean")

    expected = {
        group: (sum(t.values()) - max(t.values()) - min(t.values())) / (len(t) - 2)
        for group, t in totals_of(sheets).items()
    }
    assert {row.group: row.exact for row in result.rows} == expected


@settings(max_examples=80, deadline=None)
@given(sheets=panels())
def test_trimmed_mean_drops_one_highest_and_one_lowest_total(sheets):
    totals = totals_of(sheets)

    for row in rank(sheets, rule="trimmed_mean").rows:
        dropped = sorted(totals[row.group][judge] for judge in row.dropped)
        assert (len(row.dropped), dropped) == (2, [min(totals[row.group].values()), max(totals[row.group].values())])


@settings(max_examples=80, deadline=None)
@given(sheets=panels(min_judges=1), rule=st.sampled_from(("mean", "median")))
def test_mean_and_median_equal_statistics(sheets, rule):
    compute = statistics.mean if rule == "mean" else statistics.median

    result = rank(sheets, rule=rule)

    expected = {group: Fraction(compute(t.values())) for group, t in totals_of(sheets).items()}
    assert {row.group: row.exact for row in result.rows} == expected


@settings(max_examples=80, deadline=None)
@given(sheets=panels(), shift=st.integers(min_value=-50, max_value=50), data=st.data())
def test_zscore_ignores_a_constant_added_to_one_judge(sheets, shift, data):
    judge = data.draw(st.sampled_from(sorted({sheet.judge for sheet in sheets})))
    first_criterion = sheets[0].criterion
    shifted = [
        replace(sheet, points=sheet.points + shift)
        if (sheet.judge, sheet.criterion) == (judge, first_criterion)
        else sheet
        for sheet in sheets
    ]

    before = rank(sheets, rule="zscore", tie_break_chain=())
    after = rank(shifted, rule="zscore", tie_break_chain=())

    assert standings(after) == standings(before)


@settings(max_examples=80, deadline=None)
@given(sheets=panels(), rule=st.sampled_from(("trimmed_mean", "mean", "median")))
def test_ties_follow_the_stated_chain(sheets, rule):
    chain = ("common_subtotal", "untrimmed_mean", "highest_single_total")
    totals = totals_of(sheets)
    common = {}
    for sheet in sheets:
        if sheet.is_common:
            common.setdefault(sheet.group, {}).setdefault(sheet.judge, Fraction(0))
            common[sheet.group][sheet.judge] += sheet.points

    result = rank(sheets, rule=rule, tie_break_chain=chain)

    def key(row):
        subtotals = sorted(common[row.group].values())
        if rule == "trimmed_mean":
            subtotals = subtotals[1:-1]
        subtotal = statistics.median(subtotals) if rule == "median" else statistics.mean(subtotals)
        group_totals = list(totals[row.group].values())
        return (row.exact, Fraction(subtotal), Fraction(statistics.mean(group_totals)), max(group_totals))

    keys = [key(row) for row in result.rows]
    assert keys == sorted(keys, reverse=True)
    for before, after, row_before, row_after in zip(keys, keys[1:], result.rows, result.rows[1:], strict=False):
        if before == after:
            assert (row_after.rank, row_before.needs_decision, row_after.needs_decision) == (
                row_before.rank,
                True,
                True,
            )
        else:
            assert row_after.rank > row_before.rank


@settings(max_examples=80, deadline=None)
@given(sheets=panels(), rule=st.sampled_from(RULES))
def test_ranks_run_from_one_and_follow_the_scores(sheets, rule):
    rows = rank(sheets, rule=rule).rows

    assert [row.exact for row in rows] == sorted((row.exact for row in rows), reverse=True)
    for position, row in enumerate(rows, start=1):
        ahead = [other for other in rows if other.rank < row.rank]
        assert row.rank == len(ahead) + 1
        assert row.rank == position or (row.needs_decision and rows[row.rank - 1].rank == row.rank)


@settings(max_examples=60, deadline=None)
@given(sheets=panels(), rule=st.sampled_from(RULES))
def test_staff_decision_orders_every_unresolved_tie(sheets, rule):
    undecided = rank(sheets, rule=rule, tie_break_chain=())
    decisions = {}
    for first_rank in sorted({row.rank for row in undecided.rows if row.needs_decision}):
        tied = [row.group for row in undecided.rows if row.rank == first_rank]
        for offset, group in enumerate(reversed(tied)):
            decisions[group] = first_rank + offset

    decided = rank(sheets, rule=rule, tie_break_chain=(), decisions=decisions)

    assert [row.rank for row in decided.rows] == list(range(1, len(decided.rows) + 1))
    assert {row.group for row in decided.rows if row.decided} == set(decisions)
    assert all(decided_row.rank == decisions[decided_row.group] for decided_row in decided.rows if decided_row.decided)


@settings(max_examples=60, deadline=None)
@given(sheets=panels(), rule=st.sampled_from(RULES), data=st.data())
def test_fingerprint_changes_when_any_score_changes(sheets, rule, data):
    index = data.draw(st.integers(min_value=0, max_value=len(sheets) - 1))
    changed = list(sheets)
    changed[index] = replace(changed[index], points=changed[index].points + Fraction(1, 2))
    shuffled = list(sheets)
    random.Random(index).shuffle(shuffled)

    original = rank(sheets, rule=rule).fingerprint

    assert rank(shuffled, rule=rule).fingerprint == original
    assert rank(changed, rule=rule).fingerprint != original


@settings(max_examples=60, deadline=None)
@given(sheets=panels(), factor=st.integers(min_value=2, max_value=5), data=st.data())
def test_zscore_ignores_one_judges_scale(sheets, factor, data):
    judge = data.draw(st.sampled_from(sorted({sheet.judge for sheet in sheets})))
    scaled = [replace(sheet, points=sheet.points * factor) if sheet.judge == judge else sheet for sheet in sheets]

    before = rank(sheets, rule="zscore", tie_break_chain=())
    after = rank(scaled, rule="zscore", tie_break_chain=())

    assert standings(after) == standings(before)
