"""Independent check of a schedule against every rule (used by tests and the benchmark)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .problem import Problem
from .solver import Meeting


def schedule_violations(problem: Problem, meetings: Iterable[Meeting]) -> list[str]:
    """Every broken rule, as short English lines; an empty list means the schedule is valid."""
    meetings = list(meetings)
    problems = []
    investors = {investor.id: investor for investor in problem.investors}
    companies = {company.id: company for company in problem.companies}
    for meeting in meetings:
        investor, company = investors.get(meeting.investor), companies.get(meeting.company)
        if investor is None or company is None or meeting.slot not in problem.slots:
            problems.append(f"unknown item in {meeting}")
            continue
        if meeting.investor not in company.requests:
            problems.append(f"not requested: {meeting}")
        if meeting.company in investor.declines:
            problems.append(f"declined: {meeting}")
        if meeting.slot in investor.unavailable or meeting.slot in company.unavailable:
            problems.append(f"unavailable slot: {meeting}")
    for key, count in Counter((m.investor, m.slot) for m in meetings).items():
        if count > 1:
            problems.append(f"investor double-booked: {key}")
    for key, count in Counter((m.company, m.slot) for m in meetings).items():
        if count > 1:
            problems.append(f"company double-booked: {key}")
    for key, count in Counter((m.company, m.investor) for m in meetings).items():
        if count > 1:
            problems.append(f"pair met twice: {key}")
    return problems
