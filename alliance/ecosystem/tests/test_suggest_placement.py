"""`manage.py suggest_placement`: keyword fallback with nothing confirmed, the classifier once enough is."""

import io
import json

import pytest
from django.core.management import call_command
from django.utils.translation import gettext

from alliance.ecosystem.classification.dataset import training_rows
from alliance.ecosystem.classification.training import MIN_CONFIRMED
from alliance.ecosystem.models import Placement, TaxonomyNode
from alliance.ecosystem.services.taxonomy import seed_default_taxonomy
from alliance.ecosystem.tests.factories import PlacementFactory, PlayerFactory

pytestmark = pytest.mark.django_db

GAME_PATH = ["핵심산업 영역", "콘텐츠·서비스 생산 및 배급", "게임"]


def run(stdin_text: str, *args) -> str:
    out = io.StringIO()
    call_command("suggest_placement", *args, stdin=io.StringIO(stdin_text), stdout=out)
    return out.getvalue()


def run_json(stdin_text: str, year: int) -> list:
    return json.loads(run(stdin_text, "--year", str(year), "--format", "json"))


def confirm_examples(taxonomy, per_category: int, categories: tuple[str, ...]):
    nodes = {n.name: n for n in TaxonomyNode.objects.filter(taxonomy=taxonomy, name__in=categories)}
    taken = dict.fromkeys(categories, 0)
    for document, path in ((row.document, row.path) for row in training_rows()):
        name = path[-1]
        if name in taken and taken[name] < per_category:
            taken[name] += 1
            PlacementFactory(
                player=PlayerFactory(description=document.text),
                primary=nodes[name],
                taxonomy=taxonomy,
                status=Placement.Status.CONFIRMED,
            )


def test_suggest_placement_without_confirmed_placements_uses_default_keywords():
    result = run_json("VR 게임 퍼블리싱 회사입니다.\n\n회계 법인입니다.\n", 2031)

    assert [row["text"] for row in result] == ["VR 게임 퍼블리싱 회사입니다.", "회계 법인입니다."]
    assert result[0]["suggestions"][0] == {"path": GAME_PATH, "confidence": 1.0, "confidence_level": "high"}
    assert result[0]["field"] == {"name": "엔터테인먼트", "confidence": 0.5}
    assert result[1]["suggestions"] == []
    assert result[1]["field"] is None


def test_suggest_placement_json_shape_keeps_the_old_keys_and_adds_field_and_level():
    result = run_json("초등학교 수업용 AR 과학 학습 앱을 개발해 학교에 공급합니다.\n", 2031)

    [row] = result
    assert set(row) == {"text", "suggestions", "field"}
    assert all(set(s) == {"path", "confidence", "confidence_level"} for s in row["suggestions"])
    assert all(s["confidence_level"] in {"high", "medium", "low"} for s in row["suggestions"])
    assert all(0.0 <= s["confidence"] <= 1.0 for s in row["suggestions"])
    assert row["field"]["name"] == "교육·훈련"


def test_suggest_placement_with_a_seeded_taxonomy_but_few_confirmed_uses_its_keywords(staff_user):
    taxonomy = seed_default_taxonomy(actor=staff_user, year=2026)
    confirm_examples(taxonomy, 2, ("게임", "의료·헬스케어"))

    result = run_json("병원 재활 치료용 솔루션\n", 2026)

    assert result[0]["suggestions"][0]["path"] == ["2차 전방연관 영역", "사회 서비스", "의료·헬스케어"]


def test_suggest_placement_trains_on_confirmed_placements_when_enough(staff_user):
    taxonomy = seed_default_taxonomy(actor=staff_user, year=2026)
    categories = ("게임", "광고·마케팅", "하드웨어", "교육·훈련")
    confirm_examples(taxonomy, MIN_CONFIRMED // len(categories) + 1, categories)

    result = run_json("음료 브랜드의 신제품 캠페인을 기획하고 집행하는 광고 대행사입니다.\n", 2026)

    suggestions = result[0]["suggestions"]
    assert suggestions[0]["path"] == ["1차 전방연관 영역", "광고·디자인", "광고·마케팅"]
    assert len(suggestions) == 3
    assert suggestions[0]["confidence"] > suggestions[1]["confidence"] >= suggestions[2]["confidence"]
    assert {tuple(s["path"])[-1] for s in suggestions} <= set(categories)
    method = gettext("classifier trained on %(count)s confirmed placements") % {
        "count": len(categories) * (MIN_CONFIRMED // len(categories) + 1)
    }
    assert run("척추 재활\n", "--year", "2026").splitlines()[0] == gettext("Method: %(method)s") % {"method": method}


def test_suggest_placement_text_format_lists_paths_with_confidence():
    output = run("VR 게임 퍼블리싱 회사입니다.\n회계 법인입니다.\n", "--year", "2031")

    method = gettext("taxonomy keywords (not enough confirmed placements yet)")
    assert output.splitlines() == [
        gettext("Method: %(method)s") % {"method": method},
        "1. VR 게임 퍼블리싱 회사입니다.",
        "   1.00  핵심산업 영역 > 콘텐츠·서비스 생산 및 배급 > 게임",
        "   " + gettext("field: %(name)s") % {"name": "엔터테인먼트"} + " (0.50)",
        "2. 회계 법인입니다.",
        "   " + gettext("no suggestion (no keyword of any category found)"),
    ]
