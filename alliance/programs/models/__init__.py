"""Models of the programs app (one module per area, re-exported here)."""

from .application import Attachment, DeadlineExtension, GroupMember, ProjectGroup, Proposal  # noqa: F401
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
