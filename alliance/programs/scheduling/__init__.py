"""Investment-day meeting scheduler (pure Python + OR-Tools; no Django). See solver.py for the objective."""

from .problem import Company, Investor, Problem, ProblemError, load_problem, parse_problem
from .solver import Meeting, Solution, pair_weights, solve

__all__ = [
    "Company",
    "Investor",
    "Meeting",
    "Problem",
    "ProblemError",
    "Solution",
    "load_problem",
    "pair_weights",
    "parse_problem",
    "solve",
]
