from alliance.regulation.models.checklist import Checklist, SelfCheck
from alliance.regulation.models.filing import Filing, FilingKind, FilingNumber, FilingState, PlatformType

__all__ = ["Checklist", "Filing", "FilingKind", "FilingNumber", "FilingState", "PlatformType", "SelfCheck"]
