"""Agencies and their liaison accounts (staff)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from alliance.agencies.models import Agency, AgencyLiaison
from alliance.core.audit import record_audit
from alliance.core.models import User
from alliance.core.roles import Role
from alliance.core.rules import has_role

# Through core's predicate, not `user.role`: an account may come to hold several roles.
holds_agency_role = has_role(Role.AGENCY)


def create_agency(*, actor, name: str, short_name: str, homepage: str = "") -> Agency:
    """Rule: name and short name are unique (the form says which one is taken).
    Side effects: the agency; audit `agencies.agency.created`."""
    with transaction.atomic():
        agency = Agency.objects.create(name=name.strip(), short_name=short_name.strip(), homepage=homepage)
        record_audit(action="agencies.agency.created", actor=actor, target=agency, after={"name": agency.name})
    return agency


def add_liaison(*, actor, agency: Agency, email: str, name: str) -> User:
    """Link an account to the agency as its liaison, creating it (without a password: the person sets one
    through "forgot password") when no account has the address.

    Rule: an account speaks for at most one agency; an existing account must hold the agency role (among
    others: a liaison may also sit on the steering committee; staff grant the role on the account page first).
    Side effects: the user (role agency) if new, the link; audit `agencies.liaison.added` on the agency.
    """
    email = email.strip().lower()
    with transaction.atomic():
        user = User.objects.select_for_update().filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email, None, name=name.strip(), roles=(Role.AGENCY,))
        elif not holds_agency_role(user):
            raise ValidationError(_("%(email)s belongs to an account of another role.") % {"email": email})
        if AgencyLiaison.objects.filter(user=user).exclude(agency=agency).exists():
            raise ValidationError(_("%(email)s is already the liaison of another agency.") % {"email": email})
        AgencyLiaison.objects.get_or_create(user=user, agency=agency)
        record_audit(action="agencies.liaison.added", actor=actor, target=agency, after={"liaison": email})
    return user
