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
from alliance.governance.models.minutes import (
    ActionItem,
    Minutes,
    MinutesCirculation,
    MinutesComment,
    MinutesFile,
    MinutesFileKind,
    MinutesItem,
    MinutesState,
    MinutesVersion,
    Presentation,
)

__all__ = [
    "ActionItem",
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
    "Minutes",
    "MinutesCirculation",
    "MinutesComment",
    "MinutesFile",
    "MinutesFileKind",
    "MinutesItem",
    "MinutesState",
    "MinutesVersion",
    "Participation",
    "Person",
    "Position",
    "Presentation",
    "QuorumRule",
    "Reply",
    "ReplyAnswer",
    "Seat",
    "Sector",
]
