"""The rules: which rule a group is ranked by, the rule's arithmetic, per-judge z-scores, the fingerprint."""

from __future__ import annotations

import hashlib
import json
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from alliance.programs.ranking.values import (
    MINIMUM_TOTALS,
    RULES,
    TIE_BREAK_KEYS,
    Z_DECIMALS,
    RankingError,
    Sheet,
    as_fraction,
    gettext_noop,
)


def normalise_policy(rule: str, absence_policy: Mapping | None) -> dict[int, str] | None:
    if rule not in RULES:
        raise RankingError(gettext_noop("Unknown ranking rule '%(rule)s'."), rule=rule)
    if not absence_policy:
        return None
    policy = {}
    for count, applied in absence_policy.items():
        try:
            number = int(count)
        except (TypeError, ValueError):
            raise RankingError(
                gettext_noop("Absence policy: '%(count)s' is not a number of judges."), count=count
            ) from None
        if applied not in RULES:
            raise RankingError(gettext_noop("Unknown ranking rule '%(rule)s'."), rule=applied)
        if number < MINIMUM_TOTALS[applied]:
            raise RankingError(
                gettext_noop("Absence policy: the rule '%(rule)s' needs at least %(minimum)s judges, not %(count)s."),
                rule=applied,
                minimum=MINIMUM_TOTALS[applied],
                count=number,
            )
        if (applied == "zscore") != (rule == "zscore"):
            raise RankingError(
                gettext_noop("Absence policy: standardised scores cannot be mixed with raw-score rules.")
            )
        policy[number] = applied
    return policy


def rule_for_count(rule: str, policy: dict[int, str] | None, count: int, group: str) -> str:
    """The rule a group with `count` totals is ranked by, or a refusal naming the group."""
    if policy is None:
        applied = rule
    elif count in policy:
        applied = policy[count]
    elif count > max(policy):
        applied = rule
    else:
        applied = None
    if applied is None or count < MINIMUM_TOTALS[applied]:
        raise RankingError(
            gettext_noop(
                "Group '%(group)s' has %(count)s judge totals; the programme's rule does not rank a group with so few."
            ),
            group=group,
            count=count,
        )
    return applied


def fingerprint(
    sheets: Iterable[Sheet],
    *,
    rule: str,
    absence_policy: Mapping | None,
    tie_break_chain: Sequence[str],
    decisions: Mapping[str, int] | None = None,
) -> str:
    """SHA-256 of the canonical inputs: sorted scores (points as exact fractions), rule, policy, chain and the
    staff tie decisions."""
    scores = [(s.judge, s.group, s.criterion, as_fraction(s.points), s.is_common) for s in sheets]
    return fingerprint_of(
        scores, rule=rule, absence_policy=absence_policy, tie_break_chain=tie_break_chain, decisions=decisions
    )


def fingerprint_of(
    scores,
    *,
    rule: str,
    absence_policy: Mapping | None,
    tie_break_chain: Sequence[str],
    decisions: Mapping[str, int] | None = None,
) -> str:
    """The fingerprint of (judge, group, criterion, exact points, is_common) tuples and the other inputs.

    Staff decisions (group → rank) are part of it as given, sorted by group; the key is left out when there is
    none, so a sheet without decisions keeps the fingerprint it had before decisions were fingerprinted."""
    canonical = {
        "scores": sorted(
            [judge, group, criterion, str(points), bool(common)] for judge, group, criterion, points, common in scores
        ),
        "rule": rule,
        "absence_policy": {str(int(k)): v for k, v in sorted(absence_policy.items(), key=lambda kv: int(kv[0]))}
        if absence_policy
        else None,
        "tie_break_chain": list(tie_break_chain),
    }
    if decisions:
        canonical["decisions"] = sorted([str(group), int(place)] for group, place in decisions.items())
    text = json.dumps(canonical, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_chain(tie_break_chain: Sequence[str], criteria: set[str]) -> tuple[str, ...]:
    chain = tuple(tie_break_chain)
    for key in chain:
        if key.startswith("criterion:"):
            if key.removeprefix("criterion:") not in criteria:
                raise RankingError(
                    gettext_noop("Tie-break: no criterion named '%(name)s'."), name=key.removeprefix("criterion:")
                )
        elif key not in TIE_BREAK_KEYS:
            raise RankingError(gettext_noop("Unknown tie-break key '%(key)s'."), key=key)
    return chain


@dataclass
class Table:
    """Points arranged as group → judge → criterion → exact points, checked for completeness."""

    points: dict[str, dict[str, dict[str, Fraction]]]
    common: set[str]
    criteria: set[str]
    scores: list[tuple]  # (judge, group, criterion, exact points, is_common), for the fingerprint


def tabulate(sheets: Sequence[Sheet]) -> Table:
    points: dict[str, dict[str, dict[str, Fraction]]] = defaultdict(lambda: defaultdict(dict))
    common_flags: dict[str, bool] = {}
    scores = []
    for sheet in sheets:
        by_criterion = points[sheet.group][sheet.judge]
        if sheet.criterion in by_criterion:
            raise RankingError(
                gettext_noop("Judge '%(judge)s' has two scores for '%(criterion)s' of group '%(group)s'."),
                judge=sheet.judge,
                criterion=sheet.criterion,
                group=sheet.group,
            )
        if common_flags.setdefault(sheet.criterion, bool(sheet.is_common)) != bool(sheet.is_common):
            raise RankingError(
                gettext_noop("Criterion '%(criterion)s' is both common and not common."), criterion=sheet.criterion
            )
        exact = as_fraction(sheet.points)
        by_criterion[sheet.criterion] = exact
        scores.append((sheet.judge, sheet.group, sheet.criterion, exact, sheet.is_common))
    criteria = set(common_flags)
    for group, by_judge in points.items():
        for judge, by_criterion in by_judge.items():
            missing = sorted(criteria - set(by_criterion))
            if missing:
                raise RankingError(
                    gettext_noop("Judge '%(judge)s' has no score for '%(criterion)s' of group '%(group)s'."),
                    judge=judge,
                    criterion=missing[0],
                    group=group,
                )
    common = {name for name, flag in common_flags.items() if flag}
    return Table(points={g: dict(j) for g, j in points.items()}, common=common, criteria=criteria, scores=scores)


def exact_sum(values: Iterable[Fraction]) -> Fraction:
    """The exact sum over one common denominator: one Fraction made instead of one per addition."""
    values = list(values)
    denominator = math.lcm(*(value.denominator for value in values))
    return Fraction(sum(value.numerator * (denominator // value.denominator) for value in values), denominator)


def z_truncated(value: Fraction, mean: Fraction, variance: Fraction) -> Fraction:
    """(value − mean) / √variance, truncated toward zero at Z_DECIMALS, from the exact z²."""
    if variance == 0:
        return Fraction(0)
    deviation = value - mean
    squared = deviation * deviation / variance * 10 ** (2 * Z_DECIMALS)
    magnitude = Fraction(math.isqrt(squared.numerator // squared.denominator), 10**Z_DECIMALS)
    return -magnitude if deviation < 0 else magnitude


def standardise(values: dict[str, dict[str, Fraction]]) -> dict[str, dict[str, Fraction]]:
    """group → judge → value becomes group → judge → z of that value among the judge's values."""
    by_judge: dict[str, dict[str, Fraction]] = defaultdict(dict)
    for group, judges in values.items():
        for judge, value in judges.items():
            by_judge[judge][group] = value
    standardised: dict[str, dict[str, Fraction]] = defaultdict(dict)
    for judge, groups in by_judge.items():
        n = len(groups)
        mean = exact_sum(groups.values()) / n
        variance = exact_sum((v - mean) ** 2 for v in groups.values()) / n
        for group, value in groups.items():
            standardised[group][judge] = z_truncated(value, mean, variance)
    return standardised


def median(values: list[Fraction]) -> Fraction:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def mean(values: Iterable[Fraction]) -> Fraction:
    values = list(values)
    return exact_sum(values) / len(values)


def dropped_judges(totals: Mapping[str, Fraction]) -> tuple[str, ...]:
    """The two trimmed judges: the lowest total, then the highest among the others (first name among equals,
    so two judges are dropped even when every total is the same)."""
    lowest = min(totals, key=lambda judge: (totals[judge], judge))
    highest = min((judge for judge in totals if judge != lowest), key=lambda judge: (-totals[judge], judge))
    return tuple(sorted((lowest, highest)))


def apply(rule: str, values: Mapping[str, Fraction], dropped: Sequence[str]) -> Fraction:
    """The rule over per-judge values (totals, subtotals or z-scores), with the trimmed judges left out."""
    if rule == "median":
        return median(list(values.values()))
    return mean(value for judge, value in values.items() if judge not in dropped)
