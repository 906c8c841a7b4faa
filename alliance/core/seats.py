"""Who holds a seat on a committee, asked by apps that may not import governance (regulation sits beside it).

Governance registers its answer from its `AppConfig.ready` (`register_seat_check`); an app asks
`holds_seat_in(user, "윤리제도")`: true when the user holds a seat active today in a body of the current year whose
name starts with that name ("윤리제도" also matches "윤리제도분과"). With nothing registered the answer is False.
"""

from collections.abc import Callable

_CHECKS: list[Callable[[object, str], bool]] = []


def register_seat_check(check: Callable[[object, str], bool]) -> None:
    """Add `check(user, body_name)`: does the user hold an active seat in a body of that name this year?"""
    if check not in _CHECKS:
        _CHECKS.append(check)


def holds_seat_in(user, body_name: str) -> bool:
    if not (user is not None and getattr(user, "is_authenticated", False) and body_name):
        return False
    return any(check(user, body_name) for check in _CHECKS)
