"""Models of the programs app (one module per area, re-exported here)."""

from .application import Attachment, DeadlineExtension, GroupMember, ProjectGroup, Proposal  # noqa: F401
from .investment import DayCompany, Decline, Desk, InvestmentDay, Meeting, MeetingRequest  # noqa: F401
from .judging import (  # noqa: F401
    Absence,
    Assignment,
    ConflictTie,
    Objection,
    Panel,
    Pledge,
    ProgrammeEvaluator,
    Score,
    ScoreChange,
    ScreeningOutcome,
    SpeakingOrderDraw,
    TieDecision,
    Winner,
)
from .mentoring import InterimResult, Mentor, MentoringSession  # noqa: F401
from .programme import (  # noqa: F401
    Award,
    Criterion,
    Programme,
    RankingRule,
    ScreeningMode,
    Stage,
    StageKind,
    Track,
)
from .support import BenefitKind, SupportBenefit, SupportGrant  # noqa: F401
