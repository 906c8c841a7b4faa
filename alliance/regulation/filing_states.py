"""The filing's state machine: the only legal moves (property-tested in tests/test_filing_states.py).

    draft ──submit──▶ submitted ──receive──▶ received (final: numbered, certificate, public check link)
                          │  ▲
                     return  submit
                          ▼  │
                        returned
A draft and a returned filing are edited by the company; nothing else is edited. The review (return, receive)
is core's reviewed-submission decision (alliance/core/review.py: returned and applied).
"""

from alliance.regulation.models import FilingState

SUBMIT, RETURN, RECEIVE, EDIT = "submit", "return", "receive", "edit"
ACTIONS = (SUBMIT, RETURN, RECEIVE, EDIT)

MOVES: dict[str, dict[str, str]] = {
    FilingState.DRAFT: {SUBMIT: FilingState.SUBMITTED, EDIT: FilingState.DRAFT},
    FilingState.SUBMITTED: {RETURN: FilingState.RETURNED, RECEIVE: FilingState.RECEIVED},
    FilingState.RETURNED: {SUBMIT: FilingState.SUBMITTED, EDIT: FilingState.RETURNED},
    FilingState.RECEIVED: {},
}


def next_state(state: str, action: str) -> str | None:
    """The state `action` leads to from `state`; None when the move is illegal."""
    return MOVES[state].get(action)
