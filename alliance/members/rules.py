"""Who may see and change member records.

A member representative edits only its own organisation; contacts are never public; staff see everything.
Organisations outside a user's scope are fetched through the gate functions, which answer 404, not 403,
so that a URL does not reveal what exists behind it.
"""

import rules

from alliance.core.permissions import require_object_permission
from alliance.core.rules import has_organisation, is_member_representative, is_secretariat
from alliance.members.models import Organisation


@rules.predicate
def represents(user, organisation) -> bool:
    return bool(
        organisation is not None and user.is_authenticated and user.organisation_id == getattr(organisation, "pk", None)
    )


can_edit_organisation = is_secretariat | (is_member_representative & represents)

rules.add_perm("members.manage_registry", is_secretariat)  # the registry, its record pages, imports, exports
# The profile page with the organisation's contacts: contacts are shown only there and on the registry's
# staff pages, so this one permission is the contact rule (no separate "view contacts").
rules.add_perm("members.change_organisation", can_edit_organisation)
rules.add_perm("members.view_own_organisation", is_member_representative & has_organisation)
rules.add_perm("members.run_census", is_secretariat)
rules.add_perm("members.view_statistics", is_secretariat)


def editable_organisation(user, pk: int) -> Organisation:
    """The organisation `pk` if `user` may edit it; 404 otherwise (also when it exists)."""
    organisation = Organisation.objects.filter(pk=pk).first()
    require_object_permission(user, "members.change_organisation", organisation)
    return organisation
