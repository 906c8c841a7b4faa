"""The models of the governance app: bodies and seats (`bodies`), meetings and what happens at them (`meetings`).

Other areas (minutes, proposals, operating rules) add their own modules here.
"""

from alliance.governance.models.bodies import Body, BodyKind, Participation, Person, Position, QuorumRule, Seat, Sector
from alliance.governance.models.meetings import (
    AgendaItem,
    AgendaItemKind,
    AgendaPaper,
    Attendance,
    AttendanceStatus,
    Decision,
    DecisionEffect,
    DecisionMethod,
    DecisionOutcome,
    Guest,
    Meeting,
    MeetingFormat,
    Reply,
    ReplyAnswer,
)

__all__ = [
    "AgendaItem",
    "AgendaItemKind",
    "AgendaPaper",
    "Attendance",
    "AttendanceStatus",
    "Body",
    "BodyKind",
    "Decision",
    "DecisionEffect",
    "DecisionMethod",
    "DecisionOutcome",
    "Guest",
    "Meeting",
    "MeetingFormat",
    "Participation",
    "Person",
    "Position",
    "QuorumRule",
    "Reply",
    "ReplyAnswer",
    "Seat",
    "Sector",
]
