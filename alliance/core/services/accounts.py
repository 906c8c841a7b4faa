"""Writing a user's roles: grant one, revoke one, or set the whole set (the secretariat's account page).

A user holds a set of roles (`UserRole` rows); what they may do is the union of what each role allows.
Every change is one audit entry on the user with the roles before and after.
"""

from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext

from alliance.core.audit import record_audit
from alliance.core.models import User, UserRole
from alliance.core.roles import Role
from alliance.core.versions import bump_version, check_version

GRANTED = "core.user.role_granted"
REVOKED = "core.user.role_revoked"
CHANGED = "core.user.roles_changed"


class RoleChangeError(ValueError):
    """A change the rules do not allow; the message says why, in the user's language."""


def grant_role(*, user: User, role: Role, by) -> bool:
    """Give `user` the role `role` (kept if already held). Returns whether it was new.

    Rule: a role is held at most once.
    Side effects: one UserRole row and an audit entry (GRANTED) when new; the user's cached roles are forgotten.
    """
    return _change(user=user, wanted=lambda held: held | {Role(role)}, by=by, action=GRANTED)


def revoke_role(*, user: User, role: Role, by) -> bool:
    """Take the role `role` from `user` (nothing happens when not held). Returns whether it was held.

    Rule: nobody removes the secretariat role from their own account (they would lock themselves out).
    Side effects: deletes the UserRole row and writes an audit entry (REVOKED) when held.
    """
    return _change(user=user, wanted=lambda held: held - {Role(role)}, by=by, action=REVOKED)


def set_roles(*, user: User, roles: Iterable[Role], by, expected_version: int | None = None) -> bool:
    """Make `roles` the user's whole set of roles. Returns whether anything changed.

    Rule: as `revoke_role` for the secretariat role of one's own account; an empty set is allowed (the account
    then opens only what every signed-in user may). Refused with core.versions.StaleEditError when the roles
    changed since `expected_version` (the `roles_version` the staff form was loaded with): two staff saving
    the whole set at once would otherwise undo each other's grant.
    Side effects: adds and deletes UserRole rows, one audit entry (CHANGED) when the set changed.
    """
    wanted = frozenset(Role(role) for role in roles)
    return _change(user=user, wanted=lambda held: wanted, by=by, action=CHANGED, expected_version=expected_version)


def _change(*, user: User, wanted, by, action: str, expected_version: int | None = None) -> bool:
    """Every change of a user's roles moves the user's `roles_version` on (core.versions)."""
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=user.pk).first()  # one change of a user's roles at a time
        check_version(user, expected_version, field="roles_version")
        held = frozenset(Role(role) for role in UserRole.objects.filter(user=user).values_list("role", flat=True))
        after = frozenset(wanted(held))
        if Role.STAFF in held - after and by is not None and getattr(by, "pk", None) == user.pk:
            raise RoleChangeError(gettext("You cannot remove the secretariat role from your own account."))
        if after == held:
            return False
        UserRole.objects.filter(user=user, role__in=held - after).delete()
        UserRole.objects.bulk_create(UserRole(user=user, role=role) for role in _ordered(after - held))
        bump_version(user, field="roles_version")
        record_audit(
            action=action,
            target=user,
            actor=by,
            before={"roles": _ordered(held)},
            after={"roles": _ordered(after)},
        )
    user.forget_roles()
    return True


def _ordered(roles: Iterable[Role]) -> list[str]:
    """Role values in the order of `Role` (the secretariat first), as the audit entry stores them."""
    chosen = set(roles)
    return [role.value for role in Role if role in chosen]
