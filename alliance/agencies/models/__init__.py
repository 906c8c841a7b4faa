"""The models of the agencies app, one module per area."""

from alliance.agencies.models.agency import Agency, AgencyLiaison
from alliance.agencies.models.plan import Heading, LinkagePlan, PlanItem
from alliance.agencies.models.report import (
    QUARTERS,
    QuarterDeadline,
    QuarterlyReport,
    ReportEntry,
    ReportFile,
    default_deadline,
)

__all__ = [
    "QUARTERS",
    "Agency",
    "AgencyLiaison",
    "Heading",
    "LinkagePlan",
    "PlanItem",
    "QuarterDeadline",
    "QuarterlyReport",
    "ReportEntry",
    "ReportFile",
    "default_deadline",
]
