"""CP-SAT models: placing a chosen set of pairs in slots, and the full two-stage slot model."""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass

from ortools.sat.python import cp_model

from .flow import Pair

PROVEN = (cp_model.OPTIMAL,)
FOUND = (cp_model.OPTIMAL, cp_model.FEASIBLE)


def _solver(seconds: float, workers: int) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(seconds, 0.05)
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = 1  # the same input gives the same schedule
    return solver


def place_pairs(pairs: list[Pair], *, seconds: float, workers: int) -> dict[Pair, int] | None:
    """A slot for every pair (each within its common free slots, no double booking), or None if none found.

    One integer per meeting and an AllDifferent per company and per investor: the list-colouring that
    unavailable slots turn König's colouring into.
    """
    model = cp_model.CpModel()
    slot_of = {}
    by_company, by_investor = defaultdict(list), defaultdict(list)
    for n, pair in enumerate(pairs):
        var = model.new_int_var_from_domain(cp_model.Domain.from_values(pair.slots), f"m{n}")
        slot_of[pair] = var
        by_company[pair.company].append(var)
        by_investor[pair.investor].append(var)
    for group in (*by_company.values(), *by_investor.values()):
        if len(group) > 1:
            model.add_all_different(group)
    solver = _solver(seconds, workers)
    status = solver.solve(model)
    if status not in FOUND:
        return None
    return {pair: solver.value(var) for pair, var in slot_of.items()}


@dataclass(frozen=True)
class SlotModelResult:
    placement: dict[Pair, int]
    count_optimal: bool
    count_bound: int
    objective: int
    objective_optimal: bool


def solve_slot_model(
    pairs: list[Pair],
    *,
    count_bound: int,
    hint: dict[Pair, int],
    deadline: float,
    workers: int,
) -> SlotModelResult:
    """Two stages on x[pair, slot]: maximise meetings; fix that number; maximise the preference objective.

    After the model is built, the count stage gets 60 % of the time left before `deadline`
    (time.perf_counter()), the second stage the rest. `count_bound` (from the flow) caps the count, which
    lets CP-SAT prove optimality as soon as it reaches it. `hint` is a valid schedule (the greedy one): the
    search starts from it and the result is never worse.
    """
    model = cp_model.CpModel()
    x: dict[tuple[Pair, int], cp_model.IntVar] = {}
    per_investor_slot, per_company_slot = defaultdict(list), defaultdict(list)
    held = []
    for n, pair in enumerate(pairs):
        options = []
        for slot in pair.slots:
            var = model.new_bool_var(f"x{n}_{slot}")
            x[pair, slot] = var
            options.append(var)
            per_investor_slot[pair.investor, slot].append(var)
            per_company_slot[pair.company, slot].append(var)
        meets = model.new_bool_var(f"y{n}")
        model.add(sum(options) == meets)
        held.append((pair, meets))
    for group in (*per_investor_slot.values(), *per_company_slot.values()):
        if len(group) > 1:
            model.add_at_most_one(group)
    _hint(model, x, held, hint)
    count = sum(meets for _, meets in held)
    model.add(count <= count_bound)
    model.maximize(count)
    solver = _solver((deadline - time.perf_counter()) * 0.6, workers)
    status = solver.solve(model)
    first, count_optimal, bound = dict(hint), False, count_bound
    if status in FOUND and round(solver.objective_value) >= len(hint):
        first = {pair: slot for (pair, slot), var in x.items() if solver.value(var)}
        count_optimal = status in PROVEN
        bound = min(count_bound, int(solver.best_objective_bound + 1e-6))
    found = len(first)

    model.clear_hints()
    _hint(model, x, held, first)
    if count_optimal:
        model.add(count == found)
    else:
        model.add(count >= found)
    model.maximize(sum(pair.weight * meets for pair, meets in held))
    solver = _solver(deadline - time.perf_counter(), workers)
    status = solver.solve(model)
    if status not in FOUND:
        return SlotModelResult(first, count_optimal, bound, sum(p.weight for p in first), False)
    placement = {pair: slot for (pair, slot), var in x.items() if solver.value(var)}
    return SlotModelResult(
        placement=placement,
        count_optimal=count_optimal,
        count_bound=max(bound, len(placement)),
        objective=round(solver.objective_value),
        objective_optimal=status in PROVEN,
    )


def _hint(model: cp_model.CpModel, x: dict, held: list, schedule: dict[Pair, int]) -> None:
    """A complete hint (every variable), so that CP-SAT starts from this valid schedule."""
    if not schedule:  # an all-false hint would anchor the search at zero meetings
        return
    for (pair, slot), var in x.items():
        model.add_hint(var, schedule.get(pair) == slot)
    for pair, meets in held:
        model.add_hint(meets, pair in schedule)
