"""Who may open the ecosystem app's URLs (see alliance/core/tests/url_matrix.py).

Each helper adds its rows to EXPECTED / PK_OF / PATH_VALUES and its objects in its own build function,
called from `build_world`.
"""

from alliance.core.tests.url_matrix import LOGIN, SIGNED_IN, everyone, signed_in, staff_only
from alliance.ecosystem.models import Placement, Player, Snapshot, Taxonomy, TaxonomyNode

TAXONOMY_EDITORS = {"anonymous": LOGIN, **dict.fromkeys(SIGNED_IN, 404), "staff": 200, "subcommittee": 200}

# Taxonomy, players and placements, snapshots and their API (E1).
EXPECTED = {
    "ecosystem:score_formula": everyone(),
    "ecosystem:snapshots": everyone(),
    "ecosystem:snapshot_compare": everyone(),
    "ecosystem:snapshot": everyone(),
    "ecosystem:snapshot_api": everyone(),
    "ecosystem:manage": TAXONOMY_EDITORS,
    "ecosystem:taxonomy_create": signed_in(405),  # POST only: @login_required, then @require_POST
    "ecosystem:taxonomy": TAXONOMY_EDITORS,
    "ecosystem:node_add": signed_in(405),
    "ecosystem:facets": TAXONOMY_EDITORS,
    "ecosystem:facet_delete": signed_in(405),
    "ecosystem:node_edit": TAXONOMY_EDITORS,
    "ecosystem:node_move": signed_in(405),
    "ecosystem:node_delete": signed_in(405),
    "ecosystem:players": staff_only(),
    "ecosystem:player_create": staff_only(),
    "ecosystem:player_detail": staff_only(),
    "ecosystem:placement_edit": staff_only(),
    "ecosystem:placement_confirm": signed_in(405),
    "ecosystem:snapshots_manage": staff_only(),
    "ecosystem:snapshot_freeze": signed_in(405),
    "ecosystem:surveys": staff_only(),
    "ecosystem:survey_detail": staff_only(),
    "ecosystem:survey_response_review": staff_only(),
    "ecosystem:survey_respond": everyone(),  # the personal link needs no account
}

PK_OF = {
    "ecosystem:facet_delete": "eco_technology",
    "ecosystem:node_edit": "eco_node",
    "ecosystem:node_move": "eco_node",
    "ecosystem:node_delete": "eco_node",
    "ecosystem:player_detail": "eco_player",
    "ecosystem:placement_edit": "eco_player",
    "ecosystem:placement_confirm": "eco_placement",
    "ecosystem:survey_detail": "eco_survey",
    "ecosystem:survey_response_review": "eco_survey_response",
}

PATH_VALUES = {
    "year": lambda world: world["eco_taxonomy"].year,
    "slug": lambda world: world["eco_snapshot"].slug,
    "kind": lambda world: "technology",
    "survey_token": lambda world: SURVEY_TOKEN,
}


SURVEY_TOKEN = "matrix-map-survey-token-0123456789abcdefghijklmnop"


def _survey_world(world, taxonomy, placement):
    import datetime
    import hashlib

    from django.utils import timezone

    from alliance.ecosystem.models import MapSurvey, MapSurveyInvitation, MapSurveyResponse

    survey = MapSurvey.objects.create(
        taxonomy=taxonomy,
        title="2026 생태계맵 조사",
        closes_on=datetime.date(2099, 12, 31),
        opened_by=world["users"]["staff"],
    )
    invitation = MapSurveyInvitation.objects.create(
        survey=survey,
        player=placement.player,
        email="rep@zen.example.kr",
        token_hash=hashlib.sha256(SURVEY_TOKEN.encode()).hexdigest(),
        expires_at=timezone.now() + datetime.timedelta(days=30),
    )
    response = MapSurveyResponse.objects.create(
        invitation=invitation, changes={"patents": {"before": None, "after": 3}}
    )
    return survey, response


def _core_world(world) -> dict:
    from alliance.ecosystem.services.snapshots import freeze_snapshot
    from alliance.ecosystem.tests.factories import PlacementFactory, small_taxonomy

    older = small_taxonomy(2025)
    PlacementFactory(primary=older["xr"], status=Placement.Status.CONFIRMED)
    snapshot = freeze_snapshot(actor=world["users"]["staff"], year=2025)
    tree = small_taxonomy(2026)
    placement = PlacementFactory(primary=tree["software"], technologies=[tree["twin"]])
    survey, survey_response = _survey_world(world, tree["taxonomy"], placement)
    return {
        "eco_survey": survey,
        "eco_survey_response": survey_response,
        "eco_taxonomy": tree["taxonomy"],
        "eco_node": tree["cloud"],
        "eco_technology": tree["rendering"],
        "eco_player": placement.player,
        "eco_placement": placement,
        "eco_snapshot": snapshot,
    }


COUNTED_MODELS = [Taxonomy, TaxonomyNode, Player, Placement, Snapshot]


def build_world(world) -> dict:
    return _core_world(world)
