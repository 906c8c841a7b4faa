"""Whether a meeting reached its quorum: one function, used by the meeting page and `governance_status`.

Rule: the quorum counts the body's voting seats (observers never count). By default a majority of them is
needed (more than half); a body may instead need two thirds (rounded up) or a fixed number of seats. Seats
present in person always count; seats represented by a substitute (대참) count only when the body's rules say
so (`Body.substitutes_count`). A body without voting seats never has a quorum.
"""

import math
from dataclasses import dataclass

from alliance.governance.models import QuorumRule


@dataclass(frozen=True)
class Quorum:
    seats: int  # voting seats of the body on the meeting's day
    required: int  # seats that must be there
    counted: int  # seats that were there, as the rules count them
    met: bool


def required_seats(*, rule: str, seats: int, fixed_count: int | None = None) -> int:
    """How many of `seats` voting seats must be there under `rule`."""
    if rule == QuorumRule.FIXED and fixed_count is not None:
        return fixed_count
    if rule == QuorumRule.TWO_THIRDS:
        return math.ceil(2 * seats / 3)
    return seats // 2 + 1


def compute_quorum(
    *, rule: str, seats: int, present: int, substitutes: int, substitutes_count: bool, fixed_count: int | None = None
) -> Quorum:
    """The quorum of a meeting with `present` seats in person and `substitutes` seats represented."""
    if present < 0 or substitutes < 0 or present + substitutes > seats:
        raise ValueError("present and substitutes must be seats of the body")
    required = required_seats(rule=rule, seats=seats, fixed_count=fixed_count)
    counted = present + (substitutes if substitutes_count else 0)
    return Quorum(seats=seats, required=required, counted=counted, met=seats > 0 and counted >= max(required, 1))


def body_quorum(body, *, seats: int, present: int, substitutes: int) -> Quorum:
    """`compute_quorum` with `body`'s rules."""
    return compute_quorum(
        rule=body.quorum_rule,
        seats=seats,
        present=present,
        substitutes=substitutes,
        substitutes_count=body.substitutes_count,
        fixed_count=body.quorum_count,
    )
