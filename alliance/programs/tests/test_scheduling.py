"""The investment-day scheduler: validity, lexicographic optimality against brute force, the seed's day."""

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance.programs.scheduling import ProblemError, flow, load_problem, pair_weights, parse_problem, solve
from alliance.programs.scheduling.check import schedule_violations
from alliance.programs.scheduling.greedy import greedy_placement
from alliance.programs.scheduling.grid import seed_day_slots, time_grid

SEED_GRID = Path(__file__).parent / "data" / "seed_investment_day.tsv"


def brute_force_best(problem):
    """(most meetings, best objective among them) over every assignment of requests to slots or to none."""
    weights = pair_weights(problem)
    pairs = []
    for c, company in enumerate(problem.companies):
        for investor_id in company.requests:
            i = problem.investor_index[investor_id]
            pairs.append((c, i, problem.allowed_slots(company, problem.investors[i])))
    best = (0, 0)

    def walk(k, busy, count, objective):
        nonlocal best
        if k == len(pairs):
            best = max(best, (count, objective))
            return
        c, i, slots = pairs[k]
        walk(k + 1, busy, count, objective)
        for slot in slots:
            if ("c", c, slot) not in busy and ("i", i, slot) not in busy:
                walk(k + 1, busy | {("c", c, slot), ("i", i, slot)}, count + 1, objective + weights[c, i])

    walk(0, frozenset(), 0, 0)
    return best


@st.composite
def tiny_problems(draw):
    slots = [f"1{n}:00" for n in range(draw(st.integers(1, 3)))]
    investor_ids = [f"inv-{n}" for n in range(draw(st.integers(1, 3)))]
    company_ids = [f"co-{n}" for n in range(draw(st.integers(1, 4)))]
    subsets = st.lists(st.sampled_from(slots), unique=True)
    return parse_problem(
        {
            "slots": slots,
            "investors": [
                {
                    "id": investor,
                    "unavailable": draw(subsets),
                    "declines": draw(st.lists(st.sampled_from(company_ids), unique=True, max_size=1)),
                }
                for investor in investor_ids
            ],
            "companies": [
                {
                    "id": company,
                    "unavailable": draw(subsets),
                    "requests": draw(
                        st.permutations(investor_ids).flatmap(
                            lambda p: st.sampled_from([list(p[:n]) for n in range(len(p) + 1)])
                        )
                    ),
                    "priority": draw(st.booleans()),
                }
                for company in company_ids
            ],
        }
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problem=tiny_problems())
def test_solve_tiny_problems_matches_brute_force_lexicographically(problem):
    solution = solve(problem, time_limit=5)

    assert schedule_violations(problem, solution.meetings) == []
    assert (solution.satisfied, solution.objective) == brute_force_best(problem)
    assert solution.optimal is True
    assert solution.bound == solution.satisfied


@settings(max_examples=40, deadline=None)
@given(
    slot_count=st.integers(1, 6),
    requests=st.lists(st.lists(st.integers(0, 5), unique=True, max_size=6), min_size=1, max_size=12),
)
def test_solve_without_unavailability_places_a_maximum_b_matching(slot_count, requests):
    problem = parse_problem(
        {
            "slots": [f"{9 + n:02d}:00" for n in range(slot_count)],
            "investors": [{"id": f"i{n}"} for n in range(6)],
            "companies": [{"id": f"c{k}", "requests": [f"i{n}" for n in r]} for k, r in enumerate(requests)],
        }
    )

    solution = solve(problem)

    assert solution.method == "flow"
    assert schedule_violations(problem, solution.meetings) == []
    assert solution.optimal is True
    per_investor = [sum(f"i{n}" in [f"i{m}" for m in r] for r in requests) for n in range(6)]
    if all(len(r) <= slot_count for r in requests):  # then only investors' slots can bind
        assert solution.satisfied == sum(min(count, slot_count) for count in per_investor)


def test_solve_prefers_first_choices_once_the_count_is_maximal():
    problem = parse_problem(
        {
            "slots": ["14:00"],
            "investors": [{"id": "a"}, {"id": "b"}],
            "companies": [{"id": "x", "requests": ["a", "b"]}, {"id": "y", "requests": ["a", "b"]}],
        }
    )

    solution = solve(problem)

    assert solution.satisfied == 2
    assert {(m.company, m.investor) for m in solution.meetings} in ({("x", "a"), ("y", "b")}, {("x", "b"), ("y", "a")})


def test_solve_gives_the_priority_company_its_first_choice():
    problem = parse_problem(
        {
            "slots": ["14:00"],
            "investors": [{"id": "a"}, {"id": "b"}],
            "companies": [
                {"id": "x", "requests": ["a", "b"]},
                {"id": "y", "requests": ["a", "b"], "priority": True},
            ],
        }
    )

    solution = solve(problem)

    assert {(m.company, m.investor) for m in solution.meetings} == {("y", "a"), ("x", "b")}


def test_solve_never_schedules_a_declined_company_or_an_unavailable_slot():
    problem = parse_problem(
        {
            "slots": ["14:00", "14:20"],
            "investors": [{"id": "a", "unavailable": ["14:00"], "declines": ["y"]}],
            "companies": [{"id": "x", "requests": ["a"]}, {"id": "y", "requests": ["a"]}],
        }
    )

    solution = solve(problem)

    assert [(m.company, m.investor, m.slot) for m in solution.meetings] == [("x", "a", "14:20")]
    assert solution.optimal is True


def test_solve_uses_cp_sat_when_availability_breaks_the_flow_pairs():
    # x and y are each free only at 14:00 and both want a; the flow bound (2 for a) is not reachable.
    problem = parse_problem(
        {
            "slots": ["14:00", "14:20"],
            "investors": [{"id": "a"}],
            "companies": [
                {"id": "x", "unavailable": ["14:20"], "requests": ["a"]},
                {"id": "y", "unavailable": ["14:20"], "requests": ["a"]},
            ],
        }
    )

    solution = solve(problem, time_limit=5)

    assert solution.method == "cp-sat"
    assert solution.satisfied == 1
    assert solution.optimal is True
    assert solution.bound == 1


def seed_grid():
    """The seed's table: investor columns, "HH:MM~HH:MM" rows, a break row, "-" for an empty cell."""
    lines = [line.split("\t") for line in SEED_GRID.read_text(encoding="utf-8").splitlines()]
    investors = lines[0][1:]
    rows = [line for line in lines[1:] if line[1] != "휴식"]
    return investors, [row[0].split("~")[0] for row in rows], rows


def test_seed_grid_times_are_the_default_time_grid():
    _, slots, _ = seed_grid()

    assert slots == seed_day_slots()
    assert seed_day_slots() == ["14:00", "14:20", "14:40", "15:00", "15:20", "16:00", "16:20", "16:40"]


def test_solve_seed_day_meets_every_request_of_the_seed_grid():
    investors, slots, rows = seed_grid()
    requests, unavailable = {}, {investor: [] for investor in investors}
    for slot, row in zip(slots, rows, strict=True):
        for investor, cell in zip(investors, row[1:], strict=True):
            if cell.strip() in {"", "-"}:
                unavailable[investor].append(slot)
            else:
                requests.setdefault(cell.replace(" ", "").replace("㈜", "(주)"), []).append(investor)
    problem = parse_problem(
        {
            "slots": slots,
            "investors": [{"id": inv, "unavailable": unavailable[inv]} for inv in investors],
            "companies": [{"id": company, "requests": wanted} for company, wanted in requests.items()],
        }
    )

    solution = solve(problem)

    assert schedule_violations(problem, solution.meetings) == []
    assert solution.satisfied == 39
    assert solution.optimal is True


def test_time_grid_skips_meetings_overlapping_a_break():
    assert time_grid(start="09:00", end="10:00", every=30, length=25, breaks=(("09:10", "09:20"),)) == ["09:30"]


@pytest.mark.parametrize(
    ("document", "path"),
    [
        ('{"slots": ["14:00"], "investors": [{"id": "a"}, {"id": "a"}], "companies": []}', "investors[1].id"),
        (
            '{"slots": ["14:00"], "investors": [], "companies": [{"id": "x", "requests": ["zz"]}]}',
            "companies[0].requests[0]",
        ),
        (
            '{"slots": ["14:00"], "investors": [{"id": "a", "unavailable": ["15:00"]}], "companies": []}',
            "investors[0].unavailable[0]",
        ),
        ('{"slots": ["14:00", "14:00"], "investors": [], "companies": []}', "slots[1]"),
        ('{"slots": [], "investors": []}', "companies"),
        (
            '{"slots": ["14:00"], "investors": [{"id": "a", "unavailabe": []}], "companies": []}',
            "investors[0].unavailabe",
        ),
        ('{"slots": ["24:00"], "investors": [], "companies": []}', "slots[0]"),
        ('{"slots": [], "investors": [], "companies": [], "note": "x"}', "note"),
    ],
)
def test_load_problem_names_the_offending_item(document, path):
    with pytest.raises(ProblemError) as caught:
        load_problem(document)

    assert caught.value.path == path


def test_load_problem_reports_malformed_json_with_line_and_column():
    with pytest.raises(ProblemError) as caught:
        load_problem('{"slots": [\n  "14:00",, ]}')

    assert (caught.value.params["line"], caught.value.params["column"]) == (2, 11)


def test_brute_force_helper_counts_all_combinations():
    # Guards the oracle itself: two companies, one investor, two slots → both meet.
    problem = parse_problem(
        {
            "slots": ["09:00", "09:20"],
            "investors": [{"id": "i"}],
            "companies": [{"id": "x", "requests": ["i"]}, {"id": "y", "requests": ["i"]}],
        }
    )

    assert brute_force_best(problem)[0] == 2
    assert [meeting.slot for meeting in solve(problem).meetings] == ["09:00", "09:20"]


@settings(max_examples=30, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    companies=st.integers(2, 12),
)
def test_solve_is_valid_and_never_below_the_greedy_floor(seed, companies):
    rng = random.Random(seed)
    slots = [f"1{n}:00" for n in range(4)]
    investors = [f"i{n}" for n in range(4)]
    problem = parse_problem(
        {
            "slots": slots,
            "investors": [{"id": i, "unavailable": rng.sample(slots, rng.randint(0, 2))} for i in investors],
            "companies": [
                {
                    "id": f"c{n}",
                    "unavailable": rng.sample(slots, rng.randint(0, 3)),
                    "requests": rng.sample(investors, 3),
                }
                for n in range(companies)
            ],
        }
    )
    relaxed = flow.best_pairs(problem, flow.request_pairs(problem, pair_weights(problem)))

    solution = solve(problem, time_limit=2)

    assert schedule_violations(problem, solution.meetings) == []
    assert len(greedy_placement(relaxed.chosen)) <= solution.satisfied <= relaxed.count
    assert solution.bound <= relaxed.count
