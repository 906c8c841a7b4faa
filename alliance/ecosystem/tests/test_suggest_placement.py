"""`manage.py suggest_placement`: the classifier trained on the bundled labelled sets carried onto the year's
taxonomy (the default one when the year has none) plus the year's confirmed placements."""

import io
import json

import pytest
from django.core.management import call_command
from django.utils.translation import gettext

from alliance.ecosystem.classification.dataset import training_rows
from alliance.ecosystem.models import Level, Placement, TaxonomyNode
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


def test_suggest_placement_without_a_taxonomy_uses_the_bundled_data_on_the_default_one():
    result = run_json("VR 게임 퍼블리싱 회사입니다.\n\n회계 법인입니다.\n", 2031)

    assert [row["text"] for row in result] == ["VR 게임 퍼블리싱 회사입니다.", "회계 법인입니다."]
    assert result[0]["suggestions"][0]["path"] == GAME_PATH
    assert result[0]["suggestions"][0]["confidence_level"] == "high"
    assert result[0]["field"]["name"] == "엔터테인먼트"
    assert len(result[1]["suggestions"]) == 3


def test_suggest_placement_json_shape_keeps_the_old_keys_and_adds_field_and_level():
    result = run_json("초등학교 수업용 AR 과학 학습 앱을 개발해 학교에 공급합니다.\n", 2031)

    [row] = result
    assert set(row) == {"text", "suggestions", "field"}
    assert all(set(s) == {"path", "confidence", "confidence_level"} for s in row["suggestions"])
    assert all(s["confidence_level"] in {"high", "medium", "low"} for s in row["suggestions"])
    assert all(0.0 <= s["confidence"] <= 1.0 for s in row["suggestions"])
    assert row["field"]["name"] == "교육·훈련"


def test_suggest_placement_with_a_seeded_taxonomy_and_nothing_confirmed_tells_makers_from_field_businesses(
    staff_user,
):
    seed_default_taxonomy(actor=staff_user, year=2026)

    maker, hospital = run_json(
        "병원용 수술 시뮬레이션 VR 콘텐츠를 개발해 대학병원에 공급하는 기업\n"
        "재활의학과 전문병원으로, VR 재활 치료 프로그램을 도입해 환자 진료에 활용한다\n",
        2026,
    )

    assert maker["suggestions"][0]["path"][0] == "핵심산업 영역"
    assert maker["field"]["name"] == "의료·헬스케어"
    assert hospital["suggestions"][0]["path"] == ["2차 전방연관 영역", "사회 서비스", "의료·헬스케어"]


def test_suggest_placement_says_what_the_classifier_learnt_from(staff_user):
    taxonomy = seed_default_taxonomy(actor=staff_user, year=2026)
    categories = ("게임", "광고·마케팅")
    confirm_examples(taxonomy, 3, categories)

    output = run("척추 재활\n", "--year", "2026")

    method = gettext("classifier trained on %(bundled)s bundled examples and %(count)s confirmed placements") % {
        "bundled": len(training_rows()),
        "count": 6,
    }
    assert output.splitlines()[0] == gettext("Method: %(method)s") % {"method": method}


def test_suggest_placement_text_format_lists_paths_with_confidence():
    output = run("VR 게임 퍼블리싱 회사입니다.\n", "--year", "2031").splitlines()

    assert len(output) == 6
    assert output[1] == "1. VR 게임 퍼블리싱 회사입니다."
    assert output[2].endswith("  핵심산업 영역 > 콘텐츠·서비스 생산 및 배급 > 게임")
    assert output[2].startswith("   0.9") or output[2].startswith("   1.00")
    assert output[5].startswith("   " + gettext("field: %(name)s") % {"name": "엔터테인먼트"} + " (")


def test_suggest_placement_falls_back_to_keywords_when_no_category_has_an_example(staff_user):
    taxonomy = seed_default_taxonomy(actor=staff_user, year=2026)
    for category in TaxonomyNode.objects.filter(taxonomy=taxonomy, level=Level.CATEGORY):
        category.name = "새 " + category.name
        category.save()

    output = run("VR 게임 퍼블리싱 회사입니다.\n회계 법인입니다.\n", "--year", "2026").splitlines()

    method = gettext("taxonomy keywords (no category of the taxonomy has an example to learn from)")
    assert output[0] == gettext("Method: %(method)s") % {"method": method}
    assert output[2] == "   1.00  핵심산업 영역 > 콘텐츠·서비스 생산 및 배급 > 새 게임"
    assert output[-1] == "   " + gettext("no suggestion (no keyword of any category found)")
