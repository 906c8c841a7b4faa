"""Who may open the ecosystem app's URLs (see alliance/core/tests/url_matrix.py).

Each helper adds its rows to EXPECTED / PK_OF / PATH_VALUES and its objects in its own build function,
called from `build_world`.
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from alliance.core.tests.editing import posted
from alliance.core.tests.url_matrix import LOGIN, SIGNED_IN, everyone, no_body, owner_only, staff_only
from alliance.ecosystem.models import (
    LogoSubmission,
    Placement,
    PlacementSuggestion,
    Player,
    Snapshot,
    Taxonomy,
    TaxonomyNode,
)

TAXONOMY_EDITORS = {"anonymous": LOGIN, **dict.fromkeys(SIGNED_IN, 404), "staff": 200, "subcommittee": 200}
# POST-only taxonomy URLs: the permission is checked first (404 to other roles), then the method (405 to GET).
TAXONOMY_POST = {**TAXONOMY_EDITORS, "staff": 405, "subcommittee": 405}

# Taxonomy, players and placements, snapshots and their API (E1).
EXPECTED = {
    "ecosystem:score_formula": everyone(),
    "ecosystem:snapshots": everyone(),
    "ecosystem:snapshot_compare": everyone(),
    "ecosystem:snapshot": everyone(),
    "ecosystem:snapshot_api": everyone(),
    "ecosystem:snapshot_api_index": everyone(),
    "ecosystem:manage": TAXONOMY_EDITORS,
    "ecosystem:taxonomy_create": TAXONOMY_POST,
    "ecosystem:taxonomy": TAXONOMY_EDITORS,
    "ecosystem:node_add": TAXONOMY_POST,
    "ecosystem:facets": TAXONOMY_EDITORS,
    "ecosystem:landscape_import": staff_only(),
    "ecosystem:landscape_match": staff_only(405),  # POST only
    "ecosystem:landscape_yml": everyone(),
    "ecosystem:facet_delete": TAXONOMY_POST,
    "ecosystem:node_edit": TAXONOMY_EDITORS,
    "ecosystem:node_move": TAXONOMY_POST,
    "ecosystem:node_delete": TAXONOMY_POST,
    "ecosystem:players": staff_only(),
    "ecosystem:player_create": staff_only(),
    "ecosystem:players_sync": staff_only(405),  # POST only
    "ecosystem:player_detail": staff_only(),
    "ecosystem:placement_edit": staff_only(),
    "ecosystem:placement_confirm": staff_only(405),  # POST only
    "ecosystem:placements_confirm": staff_only(405),  # POST only
    "ecosystem:snapshots_manage": staff_only(),
    "ecosystem:snapshot_freeze": staff_only(405),  # POST only
    "ecosystem:surveys": staff_only(),
    "ecosystem:survey_detail": staff_only(),
    "ecosystem:survey_open_preview": staff_only(),
    "ecosystem:survey_response_review": staff_only(),
    "ecosystem:survey_respond": everyone(),  # the personal link needs no account
    # Suggested placements (E2).
    "ecosystem:suggestions": staff_only(),
    "ecosystem:suggestions_review": staff_only(405),  # POST only
    "ecosystem:suggestions_generate": staff_only(405),  # POST only
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
    suggested = PlacementFactory(primary=tree["education"]).player  # a draft, and a suggestion waiting for it
    PlacementSuggestion.objects.create(
        player=suggested, taxonomy=tree["taxonomy"], kind="category", node=tree["software"], confidence=0.9
    )
    return {
        "eco_layer": tree["base"],
        "eco_suggested_player": suggested,
        "eco_survey": survey,
        "eco_survey_response": survey_response,
        "eco_taxonomy": tree["taxonomy"],
        "eco_node": tree["cloud"],
        "eco_technology": tree["rendering"],
        "eco_player": placement.player,
        "eco_placement": placement,
        "eco_snapshot": snapshot,
    }


COUNTED_MODELS = [Taxonomy, TaxonomyNode, Player, Placement, Snapshot, PlacementSuggestion]


def build_world(world) -> dict:
    core = _core_world(world)
    return core | _map_world(world | core)


# The public map, its exports, logos and data quality (E3).
EXPECTED |= {
    "ecosystem:latest": everyone("302 → /ecosystem/2026/"),  # the newest year with a map
    "ecosystem:landscape": everyone(),
    "ecosystem:landscape_search": everyone(),
    "ecosystem:player_card": everyone(),
    "ecosystem:chart": everyone(),
    "ecosystem:statistics": everyone(),
    "ecosystem:statistics_xlsx": everyone(),
    "ecosystem:landscape_svg": everyone(),
    "ecosystem:chart_svg": everyone(),
    "ecosystem:poster": everyone(),
    "ecosystem:placements_xlsx": staff_only(),
    "ecosystem:embed": everyone(),
    "ecosystem:embed_code": everyone(),
    "ecosystem:logo_file": everyone(),
    "ecosystem:logo_upload": owner_only(),  # staff, and the representative of the player's own organisation
    "ecosystem:logo_queue": staff_only(),
    "ecosystem:logo_review": staff_only(405),  # POST only
    "ecosystem:data_quality": staff_only(),
}
PK_OF |= {
    "ecosystem:player_card": "map_player",
    "ecosystem:embed": "map_category",
    "ecosystem:embed_code": "map_category",
    "ecosystem:logo_upload": "map_player",
    "ecosystem:logo_review": "logo_submission",
}
PATH_VALUES |= {"filename": lambda world: world["map_logo"].rsplit("/", 1)[-1]}
COUNTED_MODELS = [*COUNTED_MODELS, LogoSubmission]


def _map_world(world) -> dict:
    """On the 2026 map (after _core_world made it): org_a's player confirmed in 소프트웨어, its logo, and a
    logo awaiting approval."""
    from alliance.core.korean import company_name_key
    from alliance.ecosystem.logo_sanitiser import clean_logo
    from alliance.ecosystem.services.logos import LOGO_DIR, store_by_hash

    taxonomy, _created = Taxonomy.objects.get_or_create(year=world["eco_taxonomy"].year)
    domain, _created = TaxonomyNode.objects.get_or_create(
        taxonomy=taxonomy, parent=None, name="핵심산업 영역", defaults={"level": "domain"}
    )
    layer, _created = TaxonomyNode.objects.get_or_create(
        taxonomy=taxonomy, parent=domain, name="기반 부문", defaults={"level": "layer"}
    )
    category, _created = TaxonomyNode.objects.get_or_create(
        taxonomy=taxonomy, parent=layer, name="소프트웨어", defaults={"level": "category"}
    )
    org_a = world["org_a"]
    player, _created = Player.objects.get_or_create(
        organisation=org_a, defaults={"name": org_a.name, "name_key": company_name_key(org_a.name)}
    )
    logo = clean_logo(b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>', "logo.svg")
    logo_name = store_by_hash(LOGO_DIR, logo)
    Player.objects.filter(pk=player.pk).update(logo=logo_name)
    Placement.objects.update_or_create(
        taxonomy=taxonomy, player=player, defaults={"primary": category, "status": Placement.Status.CONFIRMED}
    )
    submission = LogoSubmission.objects.create(player=player, file=logo_name, content_hash=logo.sha256)
    return {"map_category": category, "map_player": player, "map_logo": logo_name, "logo_submission": submission}


# A valid body for each POST URL (see url_matrix.py): refused roles post exactly this.
POST_DATA = {
    "ecosystem:node_add": lambda world: {"name": "디지털 트윈"},
    "ecosystem:suggestions_generate": no_body,
    "ecosystem:snapshot_freeze": no_body,
    "ecosystem:players_sync": lambda world: {"year": str(world["eco_taxonomy"].year)},
    "ecosystem:logo_review": lambda world: {"decision": "approve", "note": ""},
    "ecosystem:taxonomy_create": lambda world: {"year": "2027", "start_from": str(world["eco_taxonomy"].year)},
    "ecosystem:node_edit": lambda world: node_body(world["eco_node"], name="클라우드 인프라"),
    "ecosystem:node_move": lambda world: {"parent": str(world["eco_layer"].pk), "position": "1"},
    "ecosystem:node_delete": no_body,  # 클라우드: no child, nobody placed on it
    "ecosystem:facets": lambda world: {"kind": "technology", "name": "공간 컴퓨팅", "keywords": "공간, 컴퓨팅"},
    "ecosystem:facet_delete": no_body,  # 실시간 렌더링: no placement uses it
    "ecosystem:player_create": lambda world: {"name": "누리랩", "homepage": "https://nuri.example.kr"},
    "ecosystem:player_detail": lambda world: player_body(world["eco_player"], business_fields="디지털트윈, XR"),
    "ecosystem:placement_edit": lambda world: placement_body(world["eco_placement"], patents="7"),
    "ecosystem:placement_confirm": no_body,  # the world's placement is a draft
    "ecosystem:placements_confirm": lambda world: {"placement": [str(world["eco_placement"].pk)]},
    "ecosystem:suggestions_review": lambda world: {
        "year": str(world["eco_taxonomy"].year),
        "action": "accept",
        "players": [str(world["eco_suggested_player"].pk)],
    },
    "ecosystem:surveys": lambda world: {
        "taxonomy": str(world["eco_taxonomy"].year),
        "title": "2026 생태계맵 추가 조사",
        "closes_on": "2099-12-31",
    },
    "ecosystem:survey_response_review": lambda world: {"decision": "apply", "note": ""},
    "ecosystem:logo_upload": lambda world: {
        "file": SimpleUploadedFile("logo.svg", NEW_LOGO, content_type="image/svg+xml")
    },
    "ecosystem:landscape_match": lambda world: {
        "name_key": "kubectx",
        "first": "https://github.com/ahmetb/kubectx",
        "second": "https://kubectx-extension.example.dev/",
        "decision": "same",
        "upload": "-",
    },
    "ecosystem:landscape_import": lambda world: {
        "file": SimpleUploadedFile("xr.yml", LANDSCAPE_YML.encode(), content_type="application/yaml"),
        "domain": "",
    },
}

NEW_LOGO = b'<svg xmlns="http://www.w3.org/2000/svg"><circle cx="5" cy="5" r="5"/></svg>'
LANDSCAPE_YML = """\
categories:
  - name: XR 기기
    subcategories:
      - name: HMD
        items:
          - name: 헤드셋랩
            description: 경량 헤드셋
"""


def node_body(node, **changes) -> dict:
    from alliance.ecosystem.forms.taxonomy import NodeForm

    return posted(NodeForm(initial=NodeForm.initial_for(node)), **changes)


def player_body(player, **changes) -> dict:
    from alliance.ecosystem.forms.players import PlayerForm
    from alliance.ecosystem.services.players import PLAYER_FIELDS

    player = Player.objects.get(pk=player.pk)
    initial = {name: getattr(player, name) for name in PLAYER_FIELDS}
    return posted(PlayerForm(initial=initial, member=player.is_member), **changes)


def placement_body(placement, **changes) -> dict:
    """The placement page's form as staff load it (the view's own initial values), with `changes`."""
    from alliance.ecosystem import queries
    from alliance.ecosystem.forms.players import PlacementForm
    from alliance.ecosystem.services.placements import FIGURES

    placement = Placement.objects.get(pk=placement.pk)
    initial = {name: getattr(placement, name) for name in FIGURES} | {
        "primary": placement.primary_id,
        "secondary": list(placement.secondary.all()),
        "technologies": list(placement.technologies.all()),
        "application_fields": list(placement.fields.all()),
    }
    form = PlacementForm(
        initial=initial,
        taxonomy=placement.taxonomy,
        node_labels=queries.placeable_nodes(placement.taxonomy),
        version=placement.version,
    )
    return posted(form, **changes)
