"""The live suggester (suggestions page, suggest_placement): the bundled labelled sets carried onto the year's
taxonomy plus its confirmed placements, fitted once per taxonomy and confirmed set and kept."""

import pytest
from django.db.models import F, Value
from django.db.models.functions import Concat

from alliance.ecosystem.classification import year_model as year_model_module
from alliance.ecosystem.classification.bundled import bundled_for
from alliance.ecosystem.classification.dataset import training_rows
from alliance.ecosystem.classification.documents import Document, Target, default_targets
from alliance.ecosystem.classification.training import suggester_for_year
from alliance.ecosystem.models import Level, Placement, PlacementSuggestion, TaxonomyNode
from alliance.ecosystem.services.suggestions import generate_suggestions
from alliance.ecosystem.services.taxonomy import seed_default_taxonomy
from alliance.ecosystem.tests.factories import PlacementFactory, PlayerFactory

pytestmark = pytest.mark.django_db

MAKER_FOR_HOSPITALS = "병원용 수술 시뮬레이션 VR 콘텐츠를 개발해 대학병원에 공급하는 기업"
CORE = "핵심산업 영역"
FUNERAL_TEXTS = (
    "온라인 추모관과 가상 장례식장을 운영하는 메타버스 상조 서비스",
    "가상 추모 공간에서 유족이 고인을 기리는 메타버스 상조 플랫폼",
    "메타버스 추모관에서 온라인 조문과 가상 장례식을 진행하는 상조 회사",
    "유족을 위한 가상 추모관과 온라인 조문 서비스를 제공하는 상조 기업",
)


def test_a_fresh_year_puts_a_maker_for_hospitals_in_the_core_area_and_suggests_the_field_apart(staff_user):
    taxonomy = seed_default_taxonomy(actor=staff_user, year=2027)
    player = PlayerFactory(description=MAKER_FOR_HOSPITALS, business_fields="")

    generate_suggestions(actor=staff_user, taxonomy=taxonomy)

    waiting = PlacementSuggestion.objects.filter(player=player, status=PlacementSuggestion.Status.WAITING)
    top = waiting.filter(kind=PlacementSuggestion.Kind.CATEGORY).order_by("-confidence").first()
    assert top.node.path[0] == CORE
    fields = list(waiting.filter(kind=PlacementSuggestion.Kind.FIELD).order_by("-confidence"))
    assert fields[0].field.name == "의료·헬스케어"
    assert Placement.objects.filter(taxonomy=taxonomy, status=Placement.Status.CONFIRMED).count() == 0
    assert suggester_for_year(2027).source == "classifier"


def test_bundled_rows_follow_a_category_moved_to_another_layer_and_leave_a_removed_one_out():
    targets = default_targets()
    moved = next(t for t in targets if t.path[-1] == "게임")
    removed = next(t for t in targets if t.path[-1] == "하드웨어")
    year_targets = [
        Target((moved.path[0], "새 계층", "게임")) if t is moved else t for t in targets if t is not removed
    ]
    rows = training_rows()

    mapping = bundled_for(year_targets, ["의료·헬스케어"], rows)

    games = [e for e in mapping.examples if e.path[-1] == "게임"]
    assert len(games) == sum(1 for row in rows if row.path[-1] == "게임")
    assert {e.path for e in games} == {(moved.path[0], "새 계층", "게임")}
    assert mapping.dropped == sum(1 for row in rows if row.path[-1] == "하드웨어")
    assert {name for e in mapping.examples for name in e.fields} == {"의료·헬스케어"}


def test_a_category_the_bundled_data_does_not_know_is_learnt_from_confirmed_placements(staff_user):
    taxonomy = seed_default_taxonomy(actor=staff_user, year=2028)
    social = TaxonomyNode.objects.get(taxonomy=taxonomy, level=Level.LAYER, name="사회 서비스")
    funeral = TaxonomyNode.objects.create(
        taxonomy=taxonomy, parent=social, level=Level.CATEGORY, name="추모·상조", position=99
    )
    for text in FUNERAL_TEXTS:
        PlacementFactory(
            player=PlayerFactory(description=text),
            taxonomy=taxonomy,
            primary=funeral,
            status=Placement.Status.CONFIRMED,
        )

    suggester = suggester_for_year(2028)

    assert (suggester.source, suggester.examples, suggester.bundled) == ("classifier", 4, len(training_rows()))
    [suggestions] = suggester.categories.suggest([Document("가상 추모관과 온라인 조문을 운영하는 메타버스 상조 회사")])
    assert suggestions[0].path[-1] == "추모·상조"


def test_the_fitted_model_is_kept_and_refitted_only_when_the_confirmed_placements_change(staff_user, monkeypatch):
    taxonomy = seed_default_taxonomy(actor=staff_user, year=2029)
    first = suggester_for_year(2029)
    year_model_module._memory.clear()

    def refuse(*args, **kwargs):
        raise AssertionError("fitted again although nothing changed")

    monkeypatch.setattr(year_model_module, "fit_year", refuse)
    from_cache = suggester_for_year(2029)
    assert from_cache.categories.scale == first.categories.scale
    assert suggester_for_year(2029).categories is from_cache.categories
    monkeypatch.undo()

    PlacementFactory(
        player=PlayerFactory(description="VR 리듬 게임 스튜디오"),
        taxonomy=taxonomy,
        primary=TaxonomyNode.objects.get(taxonomy=taxonomy, name="게임"),
        status=Placement.Status.CONFIRMED,
    )
    assert suggester_for_year(2029).examples == 1


def test_a_taxonomy_whose_categories_the_bundled_data_does_not_know_falls_back_to_its_keywords(staff_user):
    taxonomy = seed_default_taxonomy(actor=staff_user, year=2030)
    TaxonomyNode.objects.filter(taxonomy=taxonomy, level=Level.CATEGORY).update(name=Concat(Value("새 "), F("name")))

    suggester = suggester_for_year(2030)

    assert (suggester.source, suggester.bundled) == ("keywords", 0)
