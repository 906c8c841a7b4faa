"""The ranking engine of a judging panel: raw scores in, ranked groups out. Pure Python, no Django.

A judge's *total* for a group is the sum of that judge's points over the rubric's criteria. A group's
score is computed from its judges' totals by a named rule:

- ``trimmed_mean`` (the seed's rule and the default): drop the single highest and the single lowest total
  and take the arithmetic mean of the rest. When several judges share the highest (or lowest) total, one
  of them is dropped: the one whose name sorts first, so the choice never depends on the order of input.
- ``mean``: the arithmetic mean of all totals.
- ``median``: the middle total; with an even number, the mean of the two middle ones.
- ``zscore``: per-judge standardisation. Each judge's totals are standardised by that judge's mean and
  population standard deviation over the groups the judge scored (in this call: one track of one panel);
  a judge whose totals are all equal contributes 0 for every group. The group's score is the mean of its
  judges' z-scores. Square roots are irrational, so each z is truncated toward zero at 30 decimals from the
  exact rational z² (an exact integer square root): equal z-scores are always equal bit for bit, and the
  result does not depend on floating point or on the order of input.

Everything else is exact (``fractions.Fraction``); the score shown is rounded half-up to 2 decimals.

Absence policy: ``{"5": "trimmed_mean", "4": "trimmed_mean", "3": "mean"}`` chooses the rule by the
number of totals a group actually has (a judge recused or absent). A count above the largest key uses the
programme's rule; a count below the smallest key, or a missing count in between, is refused. Without a
policy the programme's rule applies to any count it can handle: ``trimmed_mean`` needs at least 3 totals,
the others at least 1. ``zscore`` cannot be mixed with the raw-score rules (the scales differ).

Ties (equal exact scores) are broken by the programme's chain of named keys, in order, higher first:
``common_subtotal`` (the group's rule applied to the judges' subtotals of the common criteria — with
``trimmed_mean``, the highest and lowest *subtotal* are dropped, not the judges dropped for the score: which
of two equal totals was dropped is arbitrary, and a tie-break must not depend on judges' names),
``untrimmed_mean`` (mean of all totals), ``median_total``, ``highest_single_total``, ``highest_lowest_total``
and ``criterion:<name>`` (the group's rule applied to that criterion's points, as above). Groups still tied
share a rank and are flagged ``needs_decision`` unless ``decisions`` (staff decision: group → final rank)
orders every group of the tie. Decisions naming groups that are no longer tied are reported as ignored.

The fingerprint is the SHA-256 of a canonical JSON of the sorted scores, the rule, the absence policy, the
tie-break chain and the staff decisions given (group → rank, sorted; left out of the JSON when there are none,
so a sheet without decisions keeps the fingerprint it always had) — the same whatever the order of input, and
different when any score or any decision changes: two sheets that differ only in how staff ordered a tie have
different fingerprints. The audit entry of a decision keeps the fingerprint it was taken against (the sheet
without it); the release entry keeps the fingerprints with every decision.
"""

from alliance.programs.ranking.engine import rank
from alliance.programs.ranking.rules import fingerprint, normalise_policy
from alliance.programs.ranking.values import (
    DEFAULT_TIE_BREAK_CHAIN,
    MINIMUM_TOTALS,
    RULES,
    TIE_BREAK_KEYS,
    RankingError,
    Result,
    Row,
    Sheet,
    TieStep,
    round_half_up,
)

__all__ = [
    "DEFAULT_TIE_BREAK_CHAIN",
    "MINIMUM_TOTALS",
    "RULES",
    "TIE_BREAK_KEYS",
    "RankingError",
    "Result",
    "Row",
    "Sheet",
    "TieStep",
    "fingerprint",
    "normalise_policy",
    "rank",
    "round_half_up",
]
