"""`solve(problem) -> Solution`: the lexicographic, two-stage investment-day schedule.

Stage 1 maximises the number of satisfied requests. Stage 2, among schedules with that many meetings,
maximises the preference objective

    P · W(priority companies) + W(other companies),   W = Σ over satisfied requests of (K + 1 − rank)

where rank 1 is a company's first choice, K is the longest request list in the input, and
P = 1 + the largest W the other companies could reach (the sum of all their request weights). With the
number of meetings fixed, maximising W is the same as minimising the sum of the ranks of satisfied
requests; P makes the priority companies (awardees) strictly first within the second stage.

Method: the flow relaxation (flow.py) gives the best pairs ignoring slot clashes, an upper bound on both
stages. Without unavailable slots those pairs always fit in the slots (König) and the schedule is proven
optimal in polynomial time. With unavailable slots a greedy list-colouring with repair places them (often
all: then proven optimal at once), else CP-SAT places them (40 % of the time limit); if that fails, the full
two-stage CP-SAT slot model runs in the remaining time, starting from the greedy schedule, which is also
the result should CP-SAT find nothing better.
`optimal` is true only when both stages are proven optimal.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from . import cpsat, flow
from .greedy import greedy_placement
from .problem import Problem


@dataclass(frozen=True)
class Meeting:
    company: str
    investor: str
    slot: str


@dataclass(frozen=True)
class Solution:
    meetings: tuple[Meeting, ...]
    satisfied: int
    optimal: bool
    bound: int  # proven upper bound on `satisfied`
    objective: int  # the second-stage objective of this schedule
    seconds: float
    method: str  # "flow" (König), "flow+greedy", "flow+cp-sat" (the flow's pairs placed) or "cp-sat" (full model)

    @property
    def gap_percent(self) -> float:
        return 0.0 if not self.bound else round(100 * (self.bound - self.satisfied) / self.bound, 3)

    def as_json(self) -> dict:
        """The `schedule_meetings` output, exactly the issue's keys: meetings, satisfied, optimal."""
        return {
            "meetings": [
                {"company": meeting.company, "investor": meeting.investor, "slot": meeting.slot}
                for meeting in self.meetings
            ],
            "satisfied": self.satisfied,
            "optimal": self.optimal,
        }

    def figures(self) -> dict:
        """What the run proved besides the schedule: the upper bound on `satisfied`, the gap to it, the
        solver's wall time and the method (`schedule_meetings` prints them on standard error)."""
        return {"bound": self.bound, "gap_percent": self.gap_percent, "seconds": self.seconds, "method": self.method}


def pair_weights(problem: Problem) -> dict[tuple[int, int], int]:
    """Each request's weight in the second stage (see the module docstring)."""
    longest = max((len(company.requests) for company in problem.companies), default=0)
    raw = {}
    for c, company in enumerate(problem.companies):
        for rank, investor_id in enumerate(company.requests, start=1):
            raw[c, problem.investor_index[investor_id]] = longest + 1 - rank
    ordinary = sum(w for (c, _), w in raw.items() if not problem.companies[c].priority)
    multiplier = ordinary + 1
    return {(c, i): w * multiplier if problem.companies[c].priority else w for (c, i), w in raw.items()}


def solve(problem: Problem, *, time_limit: float = 30.0, workers: int = 2) -> Solution:
    started = time.perf_counter()
    pairs = flow.request_pairs(problem, pair_weights(problem))
    relaxed = flow.best_pairs(problem, pairs)
    everywhere = tuple(range(len(problem.slots)))
    if all(pair.slots == everywhere for pair in relaxed.chosen):
        placement = flow.colour_without_availability(relaxed.chosen, len(problem.slots), len(problem.companies))
        return _solution(problem, placement, optimal=True, bound=relaxed.count, method="flow", started=started)

    floor = greedy_placement(relaxed.chosen)
    if len(floor) == relaxed.count:
        return _solution(problem, floor, optimal=True, bound=relaxed.count, method="flow+greedy", started=started)
    placement = cpsat.place_pairs(relaxed.chosen, seconds=time_limit * 0.4, workers=workers)
    if placement is not None:
        return _solution(problem, placement, optimal=True, bound=relaxed.count, method="flow+cp-sat", started=started)

    result = cpsat.solve_slot_model(
        pairs, count_bound=relaxed.count, hint=floor, deadline=started + time_limit, workers=workers
    )
    optimal = result.count_optimal and result.objective_optimal
    return _solution(
        problem, result.placement, optimal=optimal, bound=result.count_bound, method="cp-sat", started=started
    )


def _solution(problem, placement, *, optimal, bound, method, started) -> Solution:
    meetings = sorted(placement.items(), key=lambda item: (item[1], item[0].investor, item[0].company))
    return Solution(
        meetings=tuple(
            Meeting(
                company=problem.companies[pair.company].id,
                investor=problem.investors[pair.investor].id,
                slot=problem.slots[slot],
            )
            for pair, slot in meetings
        ),
        satisfied=len(placement),
        optimal=optimal,
        bound=bound if not optimal else len(placement),
        objective=sum(pair.weight for pair in placement),
        seconds=round(time.perf_counter() - started, 3),
        method=method,
    )
