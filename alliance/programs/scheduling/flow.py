"""The polynomial part of the schedule: the best set of pairs ignoring slot clashes, and König's colouring.

Ignoring which slot each meeting takes, the most meetings is a maximum b-matching between companies and
investors (b = the number of slots each is free; a pair is an edge when the company requested the investor,
the investor did not decline, and the two share a free slot). Among maximum b-matchings, a min-cost flow
finds one with the best preference objective. Every real schedule is such a b-matching, so its size and
objective bound every schedule; when the pairs can be placed in slots, the schedule is proven optimal.
"""

from __future__ import annotations

from dataclasses import dataclass

from ortools.graph.python import min_cost_flow

from .problem import Problem


@dataclass(frozen=True)
class Pair:
    company: int
    investor: int
    rank: int  # 1 = first preference
    weight: int  # the pair's share of the second-stage objective
    slots: tuple[int, ...]  # slot indexes where both are free


def request_pairs(problem: Problem, weights: dict[tuple[int, int], int]) -> list[Pair]:
    """Every satisfiable request (requested, not declined, a common free slot) with its rank and weight."""
    pairs = []
    for c, company in enumerate(problem.companies):
        for rank, investor_id in enumerate(company.requests, start=1):
            i = problem.investor_index[investor_id]
            slots = problem.allowed_slots(company, problem.investors[i])
            if slots:
                pairs.append(Pair(company=c, investor=i, rank=rank, weight=weights[c, i], slots=slots))
    return pairs


@dataclass(frozen=True)
class FlowResult:
    chosen: list[Pair]  # a maximum b-matching with the best objective
    count: int  # upper bound on satisfied requests of any schedule
    objective: int  # upper bound on the second-stage objective among schedules of `count` meetings


def best_pairs(problem: Problem, pairs: list[Pair]) -> FlowResult:
    """Max flow with min cost: source → company (free slots) → investor (1 per pair) → sink (free slots)."""
    companies, investors = len(problem.companies), len(problem.investors)
    source, sink = companies + investors, companies + investors + 1
    top = max((pair.weight for pair in pairs), default=0)
    flow = min_cost_flow.SimpleMinCostFlow()
    free = len(problem.slots)
    requested = [0] * companies
    for pair in pairs:
        requested[pair.company] += 1
    for c, company in enumerate(problem.companies):
        capacity = min(free - len(company.unavailable), requested[c])
        if capacity:
            flow.add_arc_with_capacity_and_unit_cost(source, c, capacity, 0)
    for i, investor in enumerate(problem.investors):
        capacity = free - len(investor.unavailable)
        if capacity:
            flow.add_arc_with_capacity_and_unit_cost(companies + i, sink, capacity, 0)
    pair_arcs = []
    for pair in pairs:
        # Each unit of flow crosses exactly one pair arc, so `top - weight` ranks max flows as -weight does.
        arc = flow.add_arc_with_capacity_and_unit_cost(pair.company, companies + pair.investor, 1, top - pair.weight)
        pair_arcs.append((arc, pair))
    if not pair_arcs:
        return FlowResult(chosen=[], count=0, objective=0)
    # The supplies only need to exceed the max flow; solve_max_flow_with_min_cost sends as much as fits.
    flow.set_node_supply(source, len(pairs))
    flow.set_node_supply(sink, -len(pairs))
    status = flow.solve_max_flow_with_min_cost()
    if status != flow.OPTIMAL:  # pragma: no cover - the network is always feasible
        raise RuntimeError(f"min-cost flow failed with status {status}")
    chosen = [pair for arc, pair in pair_arcs if flow.flow(arc)]
    return FlowResult(chosen=chosen, count=len(chosen), objective=sum(pair.weight for pair in chosen))


def colour_without_availability(pairs: list[Pair], slot_count: int, companies: int) -> dict[Pair, int]:
    """König: a bipartite graph of maximum degree Δ ≤ slot_count has a proper Δ-edge-colouring.

    Alternating-path construction: for edge (u, v) take a colour a free at u and b free at v; if a is
    taken at v, swap a/b along the a-b path from v (it cannot reach u in a bipartite graph), then colour a.
    """
    at: dict[int, dict[int, int]] = {}
    colour_of: dict[tuple[int, int], int] = {}

    def free_colour(node: int) -> int:
        used = at.setdefault(node, {})
        return next(colour for colour in range(slot_count) if colour not in used)

    for pair in pairs:
        u, v = pair.company, companies + pair.investor
        a, b = free_colour(u), free_colour(v)
        if a in at[v]:
            path, node, colour = [], v, a
            while colour in at[node]:
                following = at[node][colour]
                path.append((node, following, colour))
                node, colour = following, b if colour == a else a
            for x, y, colour in path:
                del at[x][colour], at[y][colour]
            for x, y, colour in path:
                swapped = b if colour == a else a
                at[x][swapped], at[y][swapped] = y, x
                colour_of[min(x, y), max(x, y)] = swapped
        at[u][a], at[v][a] = v, u
        colour_of[u, v] = a
    return {pair: colour_of[pair.company, companies + pair.investor] for pair in pairs}
