"""The app's models; one module per area, each imported here."""

from alliance.reports.models.briefing import BriefingFile, QuarterlyBriefing
from alliance.reports.models.indicators import Indicator, IndicatorKind, IndicatorTarget, IndicatorValue
from alliance.reports.models.plan import AREA_ORDER, Area, PlanItem

__all__ = [
    "AREA_ORDER",
    "Area",
    "BriefingFile",
    "Indicator",
    "IndicatorKind",
    "IndicatorTarget",
    "IndicatorValue",
    "PlanItem",
    "QuarterlyBriefing",
]
