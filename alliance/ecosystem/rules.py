"""Who may do what with the ecosystem map.

The map, its published snapshots and their JSON API are public. The taxonomy is edited by the
secretariat and the technology-strategy subcommittee; players, placements, suggestions, logos queue,
data quality and snapshots are managed by the secretariat; a member's representative submits the logo of
its own organisation's player for review. Everyone else signed in gets 404 on those
pages (they do not admit they exist); anonymous visitors are sent to log in by the views' decorators.
"""

import rules

from alliance.core.roles import Role
from alliance.core.rules import has_role, is_member_representative, is_secretariat, may_see_exact_figures
from alliance.ecosystem.models import Player

is_subcommittee = has_role(Role.SUBCOMMITTEE)
can_edit_taxonomy = is_secretariat | is_subcommittee

rules.add_perm("ecosystem.edit_taxonomy", can_edit_taxonomy)
rules.add_perm("ecosystem.manage_players", is_secretariat)
rules.add_perm("ecosystem.manage_snapshots", is_secretariat)
rules.add_perm("ecosystem.review_survey", is_secretariat)
rules.add_perm("ecosystem.review_logos", is_secretariat)


@rules.predicate
def represents_player(user, player) -> bool:
    """The player (or its map card: anything with `organisation_id`) belongs to the user's organisation."""
    organisation_id = getattr(player, "organisation_id", None)
    return bool(organisation_id and getattr(user, "organisation_id", None) == organisation_id)


# Staff for any player; a member's representative for the player of its own organisation (queued for review).
rules.add_perm("ecosystem.submit_logo", is_secretariat | (is_member_representative & represents_player))


def exact_figures_for(user):
    """Which players' exact revenue and employees `user` may see, as a test on a player's pk: the company
    figures rule (core/figures.py, `may_see_exact_figures`) applied to each player's organisation. Staff:
    every player; a representative: its own organisation's player; anyone else: none."""
    if may_see_exact_figures(user, None):
        return lambda _pk: True
    own = set()
    if getattr(user, "organisation_id", None) and may_see_exact_figures(user, user.organisation_id):
        own = set(Player.objects.filter(organisation_id=user.organisation_id).values_list("pk", flat=True))
    return own.__contains__
