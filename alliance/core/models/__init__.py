from alliance.core.models.audit import AuditEntry
from alliance.core.models.delivery import Delivery, DeliveryRecipient
from alliance.core.models.fulltext import FullTextDocument, FullTextPosting
from alliance.core.models.jobs import ScheduledJob
from alliance.core.models.links import PersonalLinkInvitation, PersonalLinkRound, RemindedPersonalLinkInvitation
from alliance.core.models.privacy import PrivacyPolicy
from alliance.core.models.review import ReviewedSubmission, ReviewStatus
from alliance.core.models.user import User, UserRole
from alliance.core.models.workers import TaskWorker

__all__ = [
    "AuditEntry",
    "Delivery",
    "DeliveryRecipient",
    "FullTextDocument",
    "FullTextPosting",
    "PersonalLinkInvitation",
    "PersonalLinkRound",
    "PrivacyPolicy",
    "RemindedPersonalLinkInvitation",
    "ReviewStatus",
    "ReviewedSubmission",
    "ScheduledJob",
    "TaskWorker",
    "User",
    "UserRole",
]
