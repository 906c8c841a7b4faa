"""Who may see and change member records.

A member representative edits only its own organisation; contacts are never public; staff see everything.
Organisations outside a user's scope are fetched through the gate functions, which answer 404, not 403,
so that a URL does not reveal what exists behind it.
"""

import rules
from django.http import Http404

from alliance.core.rules import is_member_representative, is_secretariat
from alliance.members import phrases
from alliance.members.models import Organisation


@rules.predicate
def represents(user, organisation) -> bool:
    return bool(
        organisation is not None and user.is_authenticated and user.organisation_id == getattr(organisation, "pk", None)
    )


can_edit_organisation = is_secretariat | (is_member_representative & represents)

rules.add_perm("members.manage_registry", is_secretariat)
rules.add_perm("members.change_organisation", can_edit_organisation)
rules.add_perm("members.view_contacts", can_edit_organisation)
rules.add_perm("members.view_history", is_secretariat)
rules.add_perm("members.run_census", is_secretariat)
rules.add_perm("members.view_statistics", is_secretariat)


def editable_organisation(user, pk: int) -> Organisation:
    """The organisation `pk` if `user` may edit it; 404 otherwise (also when it exists)."""
    organisation = Organisation.objects.filter(pk=pk).first()
    if organisation is None or not user.has_perm("members.change_organisation", organisation):
        raise Http404(phrases.NOT_FOUND)
    return organisation
