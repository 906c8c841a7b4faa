"""Models of the ecosystem app (one module per area, re-exported here)."""

from alliance.ecosystem.models.matches import ConfirmedMatch
from alliance.ecosystem.models.placement import Placement, PlacementSuggestion
from alliance.ecosystem.models.player import LogoSubmission, Player, ValueSource
from alliance.ecosystem.models.snapshot import Snapshot, SnapshotFile, SnapshotImmutableError
from alliance.ecosystem.models.survey import MapSurvey, MapSurveyInvitation, MapSurveyResponse
from alliance.ecosystem.models.taxonomy import (
    CHILD_LEVEL,
    LEVEL_ORDER,
    PARENT_LEVEL,
    PLACEABLE_LEVELS,
    ApplicationField,
    Level,
    Taxonomy,
    TaxonomyNode,
    Technology,
)

__all__ = [
    "CHILD_LEVEL",
    "LEVEL_ORDER",
    "PARENT_LEVEL",
    "PLACEABLE_LEVELS",
    "ApplicationField",
    "ConfirmedMatch",
    "Level",
    "LogoSubmission",
    "MapSurvey",
    "MapSurveyInvitation",
    "MapSurveyResponse",
    "Placement",
    "PlacementSuggestion",
    "Player",
    "Snapshot",
    "SnapshotFile",
    "SnapshotImmutableError",
    "Taxonomy",
    "TaxonomyNode",
    "Technology",
    "ValueSource",
]
