"""The demo map's placements are the platform's own suggester's, so they follow seed 003's value chain: a
company that develops (makes) something, for whatever field, sits in the core area; and the live suggester,
which learns from the demo's confirmed placements, keeps suggesting the core area for such makers.

Makers are the demo players whose description says they develop what they offer ("…을(를) 개발하는 기업",
"…을(를) 개발·공급하는 기업": every demo company; institutes and universities say otherwise).
"""

import pytest

from alliance.ecosystem import demo
from alliance.ecosystem.models import Placement, PlacementSuggestion
from alliance.ecosystem.queries import node_paths
from alliance.members import demo as members_demo

pytestmark = pytest.mark.django_db

CORE = "핵심산업 영역"
MAKER_WORDS = ("개발하는 기업", "개발·공급하는 기업")
MINIMUM = 0.9


def is_maker(player) -> bool:
    return any(words in player.description for words in MAKER_WORDS)


def core_share(paths: list[list[str]]) -> float:
    return sum(path[0] == CORE for path in paths) / len(paths)


def test_demo_makers_sit_in_the_core_area_and_the_live_suggester_keeps_suggesting_it_for_them():
    members_demo.load(members_demo.generate(members_demo.SEED_TOTAL, members_demo.DEFAULT_SEED))
    demo.load_demo(seed=members_demo.DEFAULT_SEED)  # with the suggestions waiting for review
    placements = Placement.objects.filter(taxonomy__year=demo.DRAFT_YEAR).select_related("player", "taxonomy")
    paths = node_paths(placements[0].taxonomy)
    first_suggestion = {}
    waiting = PlacementSuggestion.objects.filter(
        taxonomy__year=demo.DRAFT_YEAR,
        kind=PlacementSuggestion.Kind.CATEGORY,
        status=PlacementSuggestion.Status.WAITING,
    ).select_related("player")
    for suggestion in waiting.order_by("player_id", "-confidence", "id"):
        first_suggestion.setdefault(suggestion.player_id, suggestion)

    placed = [paths[placement.primary_id] for placement in placements if is_maker(placement.player)]
    suggested = [paths[s.node_id] for s in first_suggestion.values() if is_maker(s.player)]

    assert (len(placed) > 1_000, len(suggested) > 50) == (True, True)
    assert (core_share(placed) >= MINIMUM, core_share(suggested) >= MINIMUM) == (True, True), (
        f"makers in the core area: placed {core_share(placed):.3f}, suggested first {core_share(suggested):.3f}"
    )
