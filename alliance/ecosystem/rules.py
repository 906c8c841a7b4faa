"""Who may do what with the ecosystem map.

The map, its published snapshots and their JSON API are public. The taxonomy is edited by the
secretariat and the technology-strategy subcommittee; players, placements, suggestions, logos queue,
data quality and snapshots are managed by the secretariat. Everyone else signed in gets 404 on those
pages (they do not admit they exist); anonymous visitors are sent to log in by the views' decorators.
"""

import rules
from django.http import Http404

from alliance.core.roles import Role
from alliance.core.rules import has_role, is_secretariat

is_subcommittee = has_role(Role.SUBCOMMITTEE)
can_edit_taxonomy = is_secretariat | is_subcommittee

rules.add_perm("ecosystem.edit_taxonomy", can_edit_taxonomy)
rules.add_perm("ecosystem.manage_players", is_secretariat)
rules.add_perm("ecosystem.manage_snapshots", is_secretariat)
rules.add_perm("ecosystem.review_survey", is_secretariat)


def require_perm(user, perm: str) -> None:
    """404 unless `user` has `perm`: staff pages do not admit they exist."""
    if not user.has_perm(perm):
        raise Http404
