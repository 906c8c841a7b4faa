"""The score against a hand computation, over every answer vector and weights (hypothesis)."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliance.regulation import default_checklist
from alliance.regulation.scoring import AnswerError, Item, problems_of, score, weight_problems

PRINCIPLES = [principle["key"] for principle in default_checklist.PRINCIPLES]
DEFAULT_ITEMS = [
    Item(item["number"], item["principle"], item["weight"]) for item in default_checklist.content()["items"]
]


def weights_adding_to_100(count: int):
    """`count` whole weights of at least 1 adding up to 100: cut points on 1..99."""
    return st.lists(st.integers(1, 99), min_size=count - 1, max_size=count - 1, unique=True).map(
        lambda cuts: [b - a for a, b in zip([0, *sorted(cuts)], [*sorted(cuts), 100], strict=True)]
    )


@settings(deadline=None)  # a loaded machine must not fail a pure computation
@given(answers=st.lists(st.integers(1, 5), min_size=10, max_size=10), weights=weights_adding_to_100(10))
def test_score_equals_the_hand_computation(answers, weights):
    items = [
        Item(number, PRINCIPLES[(number - 1) % 8], weight) for number, weight in zip(range(1, 11), weights, strict=True)
    ]
    result = score(items, {str(number): answer for number, answer in zip(range(1, 11), answers, strict=True)})
    by_hand = sum(Fraction(weight * answer, 5) for weight, answer in zip(weights, answers, strict=True))
    assert Fraction(result.total) == by_hand
    assert sum(result.by_principle.values()) == result.total
    for key in {item.principle for item in items}:
        expected = sum(
            Fraction(item.weight * answer, 5)
            for item, answer in zip(items, answers, strict=True)
            if item.principle == key
        )
        assert Fraction(result.by_principle[key]) == expected
    assert Fraction(20) <= by_hand <= Fraction(100)


@settings(deadline=None)
@given(answers=st.lists(st.integers(1, 5), min_size=10, max_size=10))
def test_equal_weights_make_each_item_worth_ten_points(answers):
    result = score(DEFAULT_ITEMS, {str(number): answer for number, answer in enumerate(answers, start=1)})
    assert result.total == Decimal(2 * sum(answers))
    assert all(result.items[number] == Decimal(2 * answer) for number, answer in enumerate(answers, start=1))


def test_five_scores_ten_and_one_scores_two():
    all_five = score(DEFAULT_ITEMS, {str(number): 5 for number in range(1, 11)})
    all_one = score(DEFAULT_ITEMS, {str(number): 1 for number in range(1, 11)})
    assert (all_five.total, all_one.total) == (Decimal(100), Decimal(20))
    assert all_five.items[1] == Decimal(10)
    assert all_one.items[1] == Decimal(2)
    assert all_five.percent_by_principle()["responsibility"] == Decimal("100.0")


def test_problems_are_each_named():
    answers = {str(number): 3 for number in range(1, 10)} | {"11": 4, "1": 6}
    assert problems_of(DEFAULT_ITEMS, answers) == [
        "알 수 없는 문항입니다: 11",
        "1번 문항의 답은 1부터 5까지의 정수여야 합니다: 6",
        "10번 문항의 답이 없습니다.",
    ]
    with pytest.raises(AnswerError):
        score(DEFAULT_ITEMS, answers)


def test_weights_must_be_whole_points_adding_to_100():
    assert weight_problems([10] * 10) == []
    assert weight_problems([10] * 9 + [11]) == ["가중치의 합은 100점이어야 합니다 (현재 101점)."]
    assert weight_problems([0] + [10] * 9) == ["가중치는 1 이상의 정수여야 합니다: 0"]
