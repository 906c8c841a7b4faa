from alliance.core.models.audit import AuditEntry
from alliance.core.models.links import PersonalLinkInvitation, RemindedPersonalLinkInvitation
from alliance.core.models.user import User

__all__ = ["AuditEntry", "PersonalLinkInvitation", "RemindedPersonalLinkInvitation", "User"]
