"""The reports app's demo data (`demo_data` calls `load_demo` after the apps below it): each document's demo
module adds its part and returns a one-line summary."""

from alliance.reports.demo_briefing import load_demo_briefing


def load_demo(*, seed: int) -> str:
    return " / ".join([load_demo_briefing()])
