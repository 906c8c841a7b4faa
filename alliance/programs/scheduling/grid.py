"""Time grids: meeting start times from a day's window, meeting length, spacing and breaks."""

from __future__ import annotations

from .problem import ProblemError, gettext_noop

# The 2025 KMF investment day (seed 001): 15-minute meetings every 20 minutes, 14:00–16:55, break 15:40–16:00.
SEED_DAY = {"start": "14:00", "end": "16:55", "every": 20, "length": 15, "breaks": (("15:40", "16:00"),)}


def minutes_of(text: str) -> int:
    hours, _, minutes = text.partition(":")
    if not (hours.isdigit() and minutes.isdigit() and int(hours) < 24 and int(minutes) < 60):
        raise ProblemError(gettext_noop("“%(item)s” is not a time of day (HH:MM)."), item=text)
    return int(hours) * 60 + int(minutes)


def time_grid(*, start: str, end: str, every: int, length: int, breaks: tuple[tuple[str, str], ...] = ()) -> list[str]:
    """Start times "HH:MM" of every meeting that fits before `end` without overlapping a break."""
    if every <= 0 or length <= 0:
        raise ProblemError(gettext_noop("Meeting length and spacing must be positive minutes."))
    closing = minutes_of(end)
    pauses = [(minutes_of(a), minutes_of(b)) for a, b in breaks]
    slots, moment = [], minutes_of(start)
    while moment + length <= closing:
        if not any(moment < pause_end and pause_start < moment + length for pause_start, pause_end in pauses):
            slots.append(f"{moment // 60:02d}:{moment % 60:02d}")
        moment += every
    return slots


def seed_day_slots() -> list[str]:
    return time_grid(**SEED_DAY)
