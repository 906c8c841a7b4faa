"""Worked examples of the ranking engine: the seed's rule, absence, ties, decisions, refusals, rounding."""

from decimal import Decimal
from fractions import Fraction

import pytest

from alliance.programs.ranking import RankingError, Sheet, rank, round_half_up

COMMON = "독창성 및 혁신성"
OWN = "사용자 목적성"


def panel(totals, *, common_share=None):
    """Sheets from {group: {judge: total}}: half of each total on the common criterion unless told."""
    sheets = []
    for group, by_judge in totals.items():
        for judge, total in by_judge.items():
            common = (common_share or {}).get((group, judge), Fraction(total) / 2)
            sheets.append(Sheet(judge=judge, group=group, criterion=COMMON, points=common, is_common=True))
            sheets.append(Sheet(judge=judge, group=group, criterion=OWN, points=Fraction(total) - common))
    return sheets


def five(a, b, c, d, e):
    return {"가": a, "나": b, "다": c, "라": d, "마": e}


def test_trimmed_mean_drops_highest_and_lowest_of_five_judges():
    sheets = panel({"메타랩": five(90, 85, 80, 70, 60), "가온XR": five(95, 75, 74, 73, 40)})

    result = rank(sheets, rule="trimmed_mean")

    assert [(row.group, row.rank, row.score, row.dropped) for row in result.rows] == [
        ("메타랩", 1, Decimal("78.33"), ("가", "마")),
        ("가온XR", 2, Decimal("74.00"), ("가", "마")),
    ]
    assert result.rows[0].exact == Fraction(235, 3)
    assert result.rows[0].kept == ("나", "다", "라")


def test_absence_policy_chooses_the_rule_by_number_of_judges():
    policy = {"5": "trimmed_mean", "4": "trimmed_mean", "3": "mean"}
    sheets = panel(
        {
            "다섯": five(90, 80, 70, 60, 50),
            "넷": {"가": 90, "나": 80, "다": 70, "라": 40},
            "셋": {"가": 90, "나": 80, "다": 40},
        }
    )

    result = rank(sheets, rule="trimmed_mean", absence_policy=policy)

    assert [(row.group, row.rule_applied, row.exact, len(row.dropped)) for row in result.rows] == [
        ("넷", "trimmed_mean", Fraction(75), 2),
        ("다섯", "trimmed_mean", Fraction(70), 2),
        ("셋", "mean", Fraction(70), 0),
    ]


def test_absence_policy_refuses_fewer_judges_than_its_minimum():
    policy = {"5": "trimmed_mean", "4": "trimmed_mean", "3": "mean"}
    sheets = panel({"둘": {"가": 90, "나": 80}, "다섯": five(90, 80, 70, 60, 50)})

    with pytest.raises(RankingError) as refusal:
        rank(sheets, rule="trimmed_mean", absence_policy=policy)

    assert refusal.value.params == {"group": "둘", "count": 2}


def test_trimmed_mean_without_policy_refuses_two_judges():
    with pytest.raises(RankingError) as refusal:
        rank(panel({"둘": {"가": 90, "나": 80}}), rule="trimmed_mean")

    assert refusal.value.params == {"group": "둘", "count": 2}


def test_policy_mixing_zscore_with_raw_rules_is_refused():
    with pytest.raises(RankingError) as refusal:
        rank(panel({"A": five(1, 2, 3, 4, 5)}), rule="zscore", absence_policy={"3": "mean"})

    assert refusal.value.template == "Absence policy: standardised scores cannot be mixed with raw-score rules."


def test_tie_broken_by_common_subtotal_under_the_same_rule():
    totals = {"A": five(90, 80, 70, 60, 50), "B": five(90, 80, 70, 60, 50)}
    common = {("A", judge): Fraction(30) for judge in "가나다라마"} | {
        ("B", judge): Fraction(31) for judge in "가나다라마"
    }

    result = rank(panel(totals, common_share=common), rule="trimmed_mean")

    assert [(row.group, row.rank, [(s.key, s.value) for s in row.tie_break]) for row in result.rows] == [
        ("B", 1, [("common_subtotal", Fraction(31))]),
        ("A", 2, [("common_subtotal", Fraction(30))]),
    ]
    assert result.needs_decision is False


def test_tie_broken_by_untrimmed_mean_when_subtotals_are_equal():
    # Same trimmed mean (75) and common subtotal, but B's dropped totals are higher.
    result = rank(panel({"A": five(100, 80, 75, 70, 40), "B": five(99, 80, 75, 70, 50)}), rule="trimmed_mean")

    assert [(row.group, row.rank, [s.key for s in row.tie_break]) for row in result.rows] == [
        ("B", 1, ["common_subtotal", "untrimmed_mean"]),
        ("A", 2, ["common_subtotal", "untrimmed_mean"]),
    ]


def test_criterion_key_breaks_a_tie():
    totals = {"A": five(80, 80, 80, 80, 80), "B": five(80, 80, 80, 80, 80)}
    common = {("A", judge): Fraction(50) for judge in "가나다라마"} | {
        ("B", judge): Fraction(30) for judge in "가나다라마"
    }

    result = rank(panel(totals, common_share=common), rule="mean", tie_break_chain=(f"criterion:{OWN}",))

    assert [(row.group, row.rank) for row in result.rows] == [("B", 1), ("A", 2)]


def test_unbroken_tie_needs_a_decision_and_shares_the_rank():
    sheets = panel({"A": five(90, 80, 70, 60, 50), "B": five(90, 80, 70, 60, 50), "C": five(1, 1, 1, 1, 1)})

    result = rank(sheets, rule="trimmed_mean")

    assert [(row.group, row.rank, row.needs_decision) for row in result.rows] == [
        ("A", 1, True),
        ("B", 1, True),
        ("C", 3, False),
    ]


def test_staff_decision_orders_the_tie_and_stale_decisions_are_reported():
    sheets = panel({"A": five(90, 80, 70, 60, 50), "B": five(90, 80, 70, 60, 50), "C": five(1, 1, 1, 1, 1)})

    result = rank(sheets, rule="trimmed_mean", decisions={"B": 1, "A": 2, "C": 3})

    assert [(row.group, row.rank, row.decided, row.needs_decision) for row in result.rows] == [
        ("B", 1, True, False),
        ("A", 2, True, False),
        ("C", 3, False, False),
    ]
    assert result.ignored_decisions == ("C",)


def test_fingerprint_differs_between_sheets_differing_only_in_a_staff_decision():
    sheets = panel({"A": five(90, 80, 70, 60, 50), "B": five(90, 80, 70, 60, 50)})

    a_first = rank(sheets, rule="trimmed_mean", decisions={"A": 1, "B": 2})
    b_first = rank(sheets, rule="trimmed_mean", decisions={"B": 1, "A": 2})
    b_first_reordered = rank(sheets, rule="trimmed_mean", decisions={"A": 2, "B": 1})
    undecided = rank(sheets, rule="trimmed_mean")

    assert len({a_first.fingerprint, b_first.fingerprint, undecided.fingerprint}) == 3
    assert b_first_reordered.fingerprint == b_first.fingerprint


def test_fingerprint_without_decisions_is_unchanged_from_before_decisions_counted():
    sheets = [
        Sheet(judge=judge, group=group, criterion="c", points=points)
        for group in ("A", "B")
        for judge, points in zip("xyz", (90, 80, 70), strict=True)
    ]

    assert rank(sheets, rule="trimmed_mean", decisions={}).fingerprint == (
        "672229c937c20f6dabf6476388722a13958ae9d6955572be02c8edc56f3041c2"
    )


def test_staff_decision_outside_the_tied_ranks_is_refused():
    sheets = panel({"A": five(90, 80, 70, 60, 50), "B": five(90, 80, 70, 60, 50)})

    with pytest.raises(RankingError) as refusal:
        rank(sheets, rule="trimmed_mean", decisions={"A": 1, "B": 3})

    assert refusal.value.params == {"groups": "A, B", "first": 1, "last": 2}


def test_zscore_judge_without_spread_contributes_zero():
    sheets = panel({"A": {"가": 90, "나": 70}, "B": {"가": 70, "나": 70}})

    result = rank(sheets, rule="zscore", tie_break_chain=())

    assert [(row.group, row.exact, dict(row.judge_z)) for row in result.rows] == [
        ("A", Fraction(1, 2), {"가": Fraction(1), "나": Fraction(0)}),
        ("B", Fraction(-1, 2), {"가": Fraction(-1), "나": Fraction(0)}),
    ]


def test_duplicate_score_is_refused():
    sheets = panel({"A": five(90, 80, 70, 60, 50)})
    sheets.append(sheets[0])

    with pytest.raises(RankingError) as refusal:
        rank(sheets, rule="mean")

    assert refusal.value.params == {"judge": "가", "criterion": COMMON, "group": "A"}


def test_missing_criterion_is_refused():
    sheets = [
        sheet for sheet in panel({"A": five(90, 80, 70, 60, 50)}) if (sheet.judge, sheet.criterion) != ("나", OWN)
    ]

    with pytest.raises(RankingError) as refusal:
        rank(sheets, rule="mean")

    assert refusal.value.text() == "Judge '나' has no score for '사용자 목적성' of group 'A'."


def test_unknown_rule_and_tie_break_key_are_refused():
    sheets = panel({"A": five(90, 80, 70, 60, 50)})

    with pytest.raises(RankingError) as unknown_rule:
        rank(sheets, rule="olympic")
    with pytest.raises(RankingError) as unknown_key:
        rank(sheets, rule="mean", tie_break_chain=("coin_toss",))

    assert (unknown_rule.value.params, unknown_key.value.params) == ({"rule": "olympic"}, {"key": "coin_toss"})


def test_error_text_goes_through_the_given_gettext():
    error = RankingError("Unknown ranking rule '%(rule)s'.", rule="x")

    assert (
        error.text({"Unknown ranking rule '%(rule)s'.": "'%(rule)s' 순위 규칙은 없습니다."}.get)
        == "'x' 순위 규칙은 없습니다."
    )


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Fraction(87335, 1000), Decimal("87.34")),
        (Fraction(1005, 1000), Decimal("1.01")),
        (Fraction(-1005, 1000), Decimal("-1.01")),
        (Fraction(235, 3), Decimal("78.33")),
        (Fraction(0), Decimal("0.00")),
    ],
)
def test_round_half_up_is_exact(value, shown):
    assert round_half_up(value) == shown


def test_float_points_are_read_as_written():
    as_float = rank([Sheet("가", "A", COMMON, 0.1, True), Sheet("가", "B", COMMON, 0.2, True)], rule="mean")
    as_text = rank(
        [Sheet("가", "A", COMMON, Decimal("0.1"), True), Sheet("가", "B", COMMON, Decimal("0.2"), True)], rule="mean"
    )

    assert (as_float.rows[1].exact, as_float.fingerprint) == (Fraction(1, 10), as_text.fingerprint)


def test_as_dict_is_the_judge_results_shape():
    result = rank(panel({"메타랩": five(90, 85, 80, 70, 60)}), rule="trimmed_mean")

    row = result.as_dict()["rows"][0]

    assert (row["group"], row["score"], row["rank"], row["dropped"], row["judge_totals"]["가"]) == (
        "메타랩",
        78.33,
        1,
        ["가", "마"],
        "90",
    )


def test_fingerprint_reads_policy_keys_as_numbers_and_depends_on_rule_and_chain():
    sheets = panel({"A": five(90, 80, 70, 60, 50), "B": five(80, 80, 70, 60, 50)})

    as_text = rank(sheets, rule="trimmed_mean", absence_policy={"4": "trimmed_mean", "3": "mean"})
    as_numbers = rank(sheets, rule="trimmed_mean", absence_policy={3: "mean", 4: "trimmed_mean"})
    other_rule = rank(sheets, rule="mean", absence_policy={"4": "trimmed_mean", "3": "mean"})
    other_chain = rank(
        sheets, rule="trimmed_mean", absence_policy={"4": "trimmed_mean", "3": "mean"}, tie_break_chain=()
    )

    assert as_text.fingerprint == as_numbers.fingerprint
    assert len({as_text.fingerprint, other_rule.fingerprint, other_chain.fingerprint}) == 3


def test_median_of_an_even_number_of_totals_is_the_mean_of_the_middle_two():
    result = rank(panel({"A": {"가": 90, "나": 80, "다": 71, "라": 40}}), rule="median")

    assert result.rows[0].exact == Fraction(151, 2)
