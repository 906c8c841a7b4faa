"""The reports app's demo data (`demo_data` calls `load_demo` after the apps below it): each document's demo
module adds its part and returns a one-line summary."""

from alliance.reports.demo_briefing import load_demo_briefing
from alliance.reports.demo_plan import load_plan_demo


def load_demo(*, seed: int) -> str:
    # The 2026 plan's items, the indicators and their targets; then the 2025 Q4 briefing.
    return " / ".join([load_plan_demo(seed=seed), load_demo_briefing()])
