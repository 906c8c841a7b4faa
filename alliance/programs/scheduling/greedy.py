"""A fast list-colouring of chosen pairs into slots: the floor result and the hint for CP-SAT.

Most constrained meetings first, each in a slot free for both sides; a meeting that finds none tries one
repair: move the meeting that blocks it (at the investor or at the company) to another slot free for both
of its sides. What is left unplaced is simply not scheduled, so the result is always a valid schedule.
"""

from __future__ import annotations

from .flow import Pair


def greedy_placement(pairs: list[Pair]) -> dict[Pair, int]:
    at_company: dict[tuple[int, int], Pair] = {}
    at_investor: dict[tuple[int, int], Pair] = {}
    placed: dict[Pair, int] = {}

    def free(pair: Pair, slot: int, ignore: Pair | None = None) -> bool:
        company = at_company.get((pair.company, slot))
        investor = at_investor.get((pair.investor, slot))
        return company in (None, ignore) and investor in (None, ignore)

    def put(pair: Pair, slot: int) -> None:
        at_company[pair.company, slot] = at_investor[pair.investor, slot] = pair
        placed[pair] = slot

    def lift(pair: Pair) -> int:
        slot = placed.pop(pair)
        del at_company[pair.company, slot], at_investor[pair.investor, slot]
        return slot

    def repaired(pair: Pair) -> bool:
        for slot in pair.slots:
            blockers = {at_company.get((pair.company, slot)), at_investor.get((pair.investor, slot))} - {None}
            if len(blockers) != 1:
                continue
            (blocker,) = blockers
            for other in blocker.slots:
                if other != slot and free(blocker, other):
                    lift(blocker)
                    put(blocker, other)
                    put(pair, slot)
                    return True
        return False

    for pair in sorted(pairs, key=lambda pair: (len(pair.slots), pair.investor, pair.company)):
        slot = next((slot for slot in pair.slots if free(pair, slot)), None)
        if slot is not None:
            put(pair, slot)
        else:
            repaired(pair)
    return placed
