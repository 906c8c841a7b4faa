"""Role predicates shared by every app (django-rules)."""

import rules
from django.http import Http404

from alliance.core.roles import Role


@rules.predicate
def is_secretariat(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.role == Role.STAFF)


def has_role(role: Role):
    @rules.predicate(name=f"has_role_{role.value}")
    def predicate(user) -> bool:
        return bool(user and user.is_authenticated and user.is_active and user.role == role)

    return predicate


is_member_representative = has_role(Role.MEMBER_REP)
is_signed_in = rules.is_authenticated & rules.is_active

rules.add_perm("core.view_auditentry", is_secretariat)
rules.add_perm("core.view_dashboard", is_signed_in)


def require_secretariat(user) -> None:
    """404 for anyone but the secretariat: staff pages do not admit they exist."""
    if not is_secretariat(user):
        raise Http404
