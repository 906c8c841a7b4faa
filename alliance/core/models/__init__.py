from alliance.core.models.audit import AuditEntry
from alliance.core.models.links import PersonalLinkInvitation, RemindedPersonalLinkInvitation
from alliance.core.models.review import ReviewedSubmission, ReviewStatus
from alliance.core.models.user import User

__all__ = [
    "AuditEntry",
    "PersonalLinkInvitation",
    "RemindedPersonalLinkInvitation",
    "ReviewStatus",
    "ReviewedSubmission",
    "User",
]
