"""The engine's values: scores in, rows and results out, exact rounding; the refusal it raises."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

RULES = ("trimmed_mean", "mean", "median", "zscore")
TIE_BREAK_KEYS = (
    "common_subtotal",
    "untrimmed_mean",
    "median_total",
    "highest_single_total",
    "highest_lowest_total",
    "criterion:",
)
DEFAULT_TIE_BREAK_CHAIN = ("common_subtotal", "untrimmed_mean")
MINIMUM_TOTALS = {"trimmed_mean": 3, "mean": 1, "median": 1, "zscore": 1}
Z_DECIMALS = 30


def gettext_noop(message: str) -> str:
    """Marks a message for the catalogue (makemessages) without translating it here: this module is pure."""
    return message


class RankingError(ValueError):
    """Input the engine refuses. ``template`` is an English msgid, ``params`` fill it; ``text(gettext)``
    gives the message in the caller's language."""

    def __init__(self, template: str, **params):
        self.template = template
        self.params = params
        super().__init__(template % params if params else template)

    def text(self, gettext: Callable[[str], str] = lambda message: message) -> str:
        translated = gettext(self.template)
        return translated % self.params if self.params else translated


@dataclass(frozen=True)
class Sheet:
    """One judge's points for one criterion of one group."""

    judge: str
    group: str
    criterion: str
    points: Decimal | float | int | Fraction
    is_common: bool = False


@dataclass(frozen=True)
class TieStep:
    """One tie-break key applied to a group's tie: the key and the group's exact value under it."""

    key: str
    value: Fraction

    @property
    def shown(self) -> Decimal:
        return round_half_up(self.value)


@dataclass(frozen=True)
class Row:
    group: str
    rank: int
    exact: Fraction
    rule_applied: str
    judge_totals: Mapping[str, Fraction]
    dropped: tuple[str, ...]
    tie_break: tuple[TieStep, ...] = ()
    needs_decision: bool = False
    decided: bool = False
    judge_z: Mapping[str, Fraction] = field(default_factory=dict)

    @property
    def score(self) -> Decimal:
        """The score as shown: rounded half-up to 2 decimals."""
        return round_half_up(self.exact)

    @property
    def deciding_key(self) -> str:
        """The tie-break key that separated this group from the groups of equal score ("" when there was no
        tie, or when staff decided or must decide it): the chain stops at the key that split the run."""
        if not self.tie_break or self.decided or self.needs_decision:
            return ""
        return self.tie_break[-1].key

    @property
    def kept(self) -> tuple[str, ...]:
        return tuple(judge for judge in sorted(self.judge_totals) if judge not in self.dropped)


@dataclass(frozen=True)
class Result:
    rule: str
    absence_policy: Mapping[str, str] | None
    tie_break_chain: tuple[str, ...]
    rows: tuple[Row, ...]
    fingerprint: str
    ignored_decisions: tuple[str, ...] = ()

    @property
    def needs_decision(self) -> bool:
        return any(row.needs_decision for row in self.rows)

    def as_dict(self) -> dict:
        """JSON-ready: scores as numbers rounded to 2 decimals, totals as exact strings of the points."""
        return {
            "rule": self.rule,
            "absence_policy": dict(self.absence_policy) if self.absence_policy else None,
            "tie_break_chain": list(self.tie_break_chain),
            "fingerprint": self.fingerprint,
            "ignored_decisions": list(self.ignored_decisions),
            "rows": [
                {
                    "group": row.group,
                    "rank": row.rank,
                    "score": float(row.score),
                    "rule_applied": row.rule_applied,
                    "judge_totals": {judge: shown_number(total) for judge, total in sorted(row.judge_totals.items())},
                    "dropped": list(row.dropped),
                    "tie_break": [{"key": step.key, "value": float(step.shown)} for step in row.tie_break],
                    "needs_decision": row.needs_decision,
                    "decided": row.decided,
                }
                for row in self.rows
            ],
        }


def round_half_up(value: Fraction, places: int = 2) -> Decimal:
    """Exact half-up (away from zero) rounding of a rational: 87.335 → 87.34, -1.005 → -1.01."""
    scale = 10**places
    magnitude = math.floor(abs(value) * scale + Fraction(1, 2))
    return Decimal(-magnitude if value < 0 else magnitude).scaleb(-places)


def shown_number(value: Fraction) -> str:
    """A rational as the shortest exact decimal if it has one (87.5), else rounded to 2 decimals."""
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator != 1:
        return str(round_half_up(value))
    text = format(Decimal(value.numerator) / Decimal(value.denominator), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def as_fraction(points) -> Fraction:
    """Exact points: a Decimal or int as it is, a float as written (0.1 is 1/10), anything else refused."""
    kind = type(points)
    if kind is Fraction:
        return points
    if kind is Decimal and points.is_finite():
        return Fraction(*points.as_integer_ratio())
    if kind is int:
        return Fraction(points)
    if isinstance(points, bool):
        raise RankingError(gettext_noop("A score must be a number, not %(value)s."), value=points)
    if isinstance(points, float):
        if not math.isfinite(points):
            raise RankingError(gettext_noop("A score must be a number, not %(value)s."), value=points)
        return Fraction(Decimal(repr(points)))
    if isinstance(points, Decimal) and not points.is_finite():
        raise RankingError(gettext_noop("A score must be a number, not %(value)s."), value=points)
    try:
        return Fraction(points)
    except (TypeError, ValueError):
        raise RankingError(gettext_noop("A score must be a number, not %(value)s."), value=points) from None
