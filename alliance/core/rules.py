"""Role predicates shared by every app (django-rules), and core's own permissions.

Views do not call these predicates: they declare a named permission (alliance.core.permissions).
"""

import rules

from alliance.core.delivery.registry import mailing
from alliance.core.roles import Role, holds_role


def _holds(user, role: Role) -> bool:
    """A signed-in, active user holding `role` among their roles (User.roles, read once per request user)."""
    return holds_role(user, role) and user.is_active


@rules.predicate
def is_secretariat(user) -> bool:
    return _holds(user, Role.STAFF)


def has_role(role: Role):
    """The predicate "holds `role`" (a user may hold several roles: what they may do is the union)."""

    @rules.predicate(name=f"has_role_{role.value}")
    def predicate(user) -> bool:
        return _holds(user, role)

    return predicate


@rules.predicate
def has_organisation(user) -> bool:
    """The user speaks for a member organisation (representatives have one; other roles none)."""
    return bool(getattr(user, "organisation_id", None))


is_member_representative = has_role(Role.MEMBER_REP)
is_signed_in = rules.is_authenticated & rules.is_active


@rules.predicate
def holds_ordering_permission(user, delivery) -> bool:
    """A delivery is seen and resumed with the permission of the page that ordered it (its registration)."""
    return delivery is not None and user.has_perm(mailing(delivery.kind).permission)


rules.add_perm("core.view_auditentry", is_secretariat)
rules.add_perm("core.manage_delivery", is_signed_in & holds_ordering_permission)
rules.add_perm("core.view_dashboard", is_signed_in)


@rules.predicate
def may_see_exact_figures(user, organisation) -> bool:
    """A company's exact revenue and employees: staff, and the company's own representative (core/figures.py).
    `organisation` is the company (a row or its pk), None for a company outside the registry."""
    if is_secretariat(user):
        return True
    organisation_id = getattr(organisation, "pk", organisation)
    return bool(organisation_id and is_signed_in(user) and getattr(user, "organisation_id", None) == organisation_id)


rules.add_perm("core.view_exact_figures", may_see_exact_figures)
rules.add_perm("core.add_privacypolicy", is_secretariat)
rules.add_perm("core.change_user_roles", is_secretariat)
