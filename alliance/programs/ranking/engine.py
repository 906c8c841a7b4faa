"""Ranking one track of one panel: totals, the rule per group, the tie-break chain, staff decisions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from fractions import Fraction
from itertools import groupby

from alliance.programs.ranking.rules import (
    apply,
    check_chain,
    dropped_judges,
    exact_sum,
    fingerprint_of,
    mean,
    median,
    normalise_policy,
    rule_for_count,
    standardise,
    tabulate,
)
from alliance.programs.ranking.values import (
    DEFAULT_TIE_BREAK_CHAIN,
    RankingError,
    Result,
    Row,
    Sheet,
    TieStep,
    gettext_noop,
)


def split_ties(block: list[Row], chain: Sequence[str], tie_value) -> list[list[tuple[Row, tuple[TieStep, ...]]]]:
    """Rows of equal score, split key by key of the chain into ordered runs that are still tied."""
    pending = [[(row, ()) for row in block]]
    for key in chain:
        split = []
        for tied in pending:
            if len(tied) == 1:
                split.append(tied)
                continue
            valued = sorted(
                ((row, (*steps, TieStep(key, tie_value(key, row.group)))) for row, steps in tied),
                key=lambda entry: (-entry[1][-1].value, entry[0].group),
            )
            for _, run in groupby(valued, key=lambda entry: entry[1][-1].value):
                split.append(list(run))
        pending = split
    return pending


def order_rows(rows: list[Row], *, chain, tie_value, decisions: dict[str, int]) -> tuple[list[Row], tuple[str, ...]]:
    """Rows in rank order with ranks set; unresolved ties share the first rank of their run."""
    ordered: list[Row] = []
    used: set[str] = set()
    by_score = sorted(rows, key=lambda row: (-row.exact, row.group))
    for _, block in groupby(by_score, key=lambda row: row.exact):
        for run in split_ties(list(block), chain, tie_value):
            first = len(ordered) + 1
            if len(run) == 1:
                row, steps = run[0]
                ordered.append(replace(row, rank=first, tie_break=steps))
                continue
            names = [row.group for row, _ in run]
            positions = set(range(first, first + len(run)))
            given = {name: decisions[name] for name in names if name in decisions}
            used.update(given)
            if given and (len(given) != len(run) or set(given.values()) != positions):
                raise RankingError(
                    gettext_noop("The staff decision must give %(groups)s the ranks %(first)s to %(last)s, each once."),
                    groups=", ".join(names),
                    first=first,
                    last=first + len(run) - 1,
                )
            if given:
                for row, steps in sorted(run, key=lambda entry: given[entry[0].group]):
                    ordered.append(replace(row, rank=given[row.group], tie_break=steps, decided=True))
            else:
                for row, steps in run:
                    ordered.append(replace(row, rank=first, tie_break=steps, needs_decision=True))
    return ordered, tuple(sorted(set(decisions) - used))


def rank(
    scores: Iterable[Sheet],
    *,
    rule: str,
    absence_policy: Mapping | None = None,
    tie_break_chain: Sequence[str] = DEFAULT_TIE_BREAK_CHAIN,
    decisions: Mapping[str, int] | None = None,
) -> Result:
    """Rank the groups of one track of one panel. Raises RankingError on input it cannot rank."""
    sheets = list(scores)
    policy = normalise_policy(rule, absence_policy)
    table = tabulate(sheets)
    chain = check_chain(tie_break_chain, table.criteria)
    totals = {g: {j: exact_sum(c.values()) for j, c in judges.items()} for g, judges in table.points.items()}
    standardised = standardise(totals) if rule == "zscore" else {}

    def subtotals(key: str, group: str) -> dict[str, Fraction]:
        names = table.common if key == "common_subtotal" else {key.removeprefix("criterion:")}
        return {j: exact_sum(p for c, p in crit.items() if c in names) for j, crit in table.points[group].items()}

    rows = []
    rule_of: dict[str, str] = {}
    for group in sorted(totals):
        applied = rule_for_count(rule, policy, len(totals[group]), group)
        dropped = dropped_judges(totals[group]) if applied == "trimmed_mean" else ()
        values = standardised[group] if applied == "zscore" else totals[group]
        rule_of[group] = applied
        rows.append(
            Row(
                group=group,
                rank=0,
                exact=apply(applied, values, dropped),
                rule_applied=applied,
                judge_totals=dict(sorted(totals[group].items())),
                dropped=dropped,
                judge_z=dict(sorted(standardised.get(group, {}).items())),
            )
        )

    cache: dict[str, dict[str, dict[str, Fraction]]] = {}

    def tie_value(key: str, group: str) -> Fraction:
        group_totals = totals[group]
        if key == "untrimmed_mean":
            return mean(group_totals.values())
        if key == "median_total":
            return median(list(group_totals.values()))
        if key == "highest_single_total":
            return max(group_totals.values())
        if key == "highest_lowest_total":
            return min(group_totals.values())
        if rule == "zscore":  # standardised among all the groups each judge scored
            if key not in cache:
                cache[key] = standardise({other: subtotals(key, other) for other in table.points})
            values = cache[key][group]
        else:
            values = subtotals(key, group)
        # The rule is applied to the subtotals themselves (trimming their own highest and lowest), not by
        # dropping the judges whose totals were dropped: among equal totals that choice is arbitrary, and the
        # tie-break must not depend on judges' names or the order of input.
        trimmed = dropped_judges(values) if rule_of[group] == "trimmed_mean" else ()
        return apply(rule_of[group], values, trimmed)

    ordered, ignored = order_rows(rows, chain=chain, tie_value=tie_value, decisions=dict(decisions or {}))
    return Result(
        rule=rule,
        absence_policy={str(k): v for k, v in sorted(policy.items())} if policy else None,
        tie_break_chain=chain,
        rows=tuple(ordered),
        fingerprint=fingerprint_of(
            table.scores, rule=rule, absence_policy=absence_policy, tie_break_chain=chain, decisions=decisions
        ),
        ignored_decisions=ignored,
    )
