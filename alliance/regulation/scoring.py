"""The ethics self-check's score: pure arithmetic, no database (property-tested in tests/test_scoring.py).

Rule: each item carries a weight in points (the weights of a version add up to 100; equal weights give 10 each);
an answer is 1–5 on the 5-point scale; the item scores weight × answer / 5 (5 → the full weight, 1 → a fifth of
it: with weight 10, 5 scores 10 and 1 scores 2). The total is the sum over the items, out of 100; the profile by
principle sums the items of each principle (points, and the share of that principle's maximum in per cent).
Weights are whole points, so every score is an exact multiple of 0.2: Decimal keeps it exact.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

SCALE = (1, 2, 3, 4, 5)
TOTAL = 100
LOW_ANSWER = 2  # an answer at or below this is a low-scored item: its article and advice are shown


@dataclass(frozen=True)
class Item:
    number: int
    principle: str
    weight: int


@dataclass(frozen=True)
class Score:
    total: Decimal
    items: dict[int, Decimal]  # item number → points
    by_principle: dict[str, Decimal]  # principle key → points (principles in the document's order)
    maximum_by_principle: dict[str, int]

    def percent_by_principle(self) -> dict[str, Decimal]:
        """Each principle's points as a share of its maximum (0–100, one decimal)."""
        return {
            key: (points * 100 / self.maximum_by_principle[key]).quantize(Decimal("0.1"))
            for key, points in self.by_principle.items()
            if self.maximum_by_principle[key]
        }


class AnswerError(ValueError):
    """The answers do not fit the version: `problems` lists each in Korean."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def item_score(weight: int, answer: int) -> Decimal:
    return Decimal(weight) * answer / 5


def problems_of(items: Sequence[Item], answers: Mapping) -> list[str]:
    """What is wrong with `answers` ({item number or its text: answer}) for `items`, in Korean; empty when fine."""
    numbers = {item.number for item in items}
    problems = []
    given = {}
    for key, value in answers.items():
        try:
            number = int(key)
        except (TypeError, ValueError):
            problems.append(_("Unknown item: %(item)s") % {"item": key})
            continue
        if number not in numbers:
            problems.append(_("Unknown item: %(item)s") % {"item": key})
            continue
        given[number] = value
    for number in sorted(numbers):
        if number not in given:
            problems.append(_("Item %(item)s has no answer.") % {"item": number})
        elif isinstance(given[number], bool) or given[number] not in SCALE:
            problems.append(
                _("The answer to item %(item)s must be a whole number from 1 to 5: %(answer)s")
                % {"item": number, "answer": given[number]}
            )
    return problems


def score(items: Sequence[Item], answers: Mapping) -> Score:
    """The score of complete, valid `answers`; AnswerError listing every problem otherwise."""
    problems = problems_of(items, answers)
    if problems:
        raise AnswerError(problems)
    by_number = {int(key): value for key, value in answers.items()}
    points = {item.number: item_score(item.weight, by_number[item.number]) for item in items}
    by_principle: dict[str, Decimal] = {}
    maximum: dict[str, int] = {}
    for item in items:
        by_principle[item.principle] = by_principle.get(item.principle, Decimal(0)) + points[item.number]
        maximum[item.principle] = maximum.get(item.principle, 0) + item.weight
    return Score(
        total=sum(points.values(), Decimal(0)), items=points, by_principle=by_principle, maximum_by_principle=maximum
    )


def weight_problems(weights: Sequence[int]) -> list[str]:
    """Weights are whole points of at least 1 adding up to 100."""
    problems = [
        _("A weight must be a whole number of at least 1: %(weight)s") % {"weight": weight}
        for weight in weights
        if isinstance(weight, bool) or not isinstance(weight, int) or weight < 1
    ]
    if not problems and sum(weights) != TOTAL:
        problems.append(_("The weights must add up to 100 points (now %(sum)s).") % {"sum": sum(weights)})
    return problems
