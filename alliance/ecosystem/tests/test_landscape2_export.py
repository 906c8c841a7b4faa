"""The export a landscape2 build accepts (issue 11), checked by landscape2's own rules (landscape2_rules)."""

import io
import zipfile
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from alliance.ecosystem.models import Placement, Player
from alliance.ecosystem.services.landscape2_rules import landscape2_problems
from alliance.ecosystem.services.landscape_export import PLACEHOLDER_SVG
from alliance.ecosystem.services.landscape_import import export_landscape
from alliance.ecosystem.tests.factories import PlacementFactory, PlayerFactory, small_taxonomy
from alliance.ecosystem.tests.test_landscape_foundations import ALIKE, FOUNDATION, _import
from alliance.ecosystem.tests.test_landscape_yml import CNCF

GOOD_ITEM = {"name": "Item", "homepage_url": "https://example.com", "logo": "item.svg"}


def _document(*items, subcategory="Sub") -> dict:
    return {"categories": [{"name": "Cat", "subcategories": [{"name": subcategory, "items": list(items)}]}]}


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        (_document(GOOD_ITEM), None),
        (_document({"name": "Item", "homepage_url": "https://example.com"}), "logo is required"),
        (_document({"name": "Item", "logo": "x.svg"}), "homepage_url is required"),
        (_document(GOOD_ITEM, GOOD_ITEM), "duplicate item name"),
        (_document(GOOD_ITEM | {"homepage_url": "www.example.kr"}), "invalid homepage_url url"),
        (_document(GOOD_ITEM | {"crunchbase": "https://www.crunchbase.com/x"}), "invalid crunchbase url"),
        (_document(GOOD_ITEM | {"joined": "last year"}), "joined is not a date"),
        (_document(GOOD_ITEM | {"extra": {"accepted": "2020-13-40"}}), "extra.accepted is not a date"),
        (_document(GOOD_ITEM | {"extra": {"tag": ["Big Data"]}}), "invalid tag"),
        (_document(GOOD_ITEM, subcategory=""), "name is required"),
        ({"categories": [{"name": "Cat"}]}, "subcategories is required"),
    ],
)
def test_landscape2_rules_refuse_what_landscape2_refuses(document, problem):
    problems = landscape2_problems(document)

    assert [p for p in problems if problem and problem in p] != [] if problem else problems == []


@pytest.mark.django_db
def test_plain_export_of_an_imported_landscape_breaks_landscape2_rules(tmp_path):
    _import(ALIKE)
    out = tmp_path / "landscape.yml"

    export_landscape(year=2026, out_path=out)

    problems = landscape2_problems(yaml.safe_load(out.read_text(encoding="utf-8")), tmp_path / "logos")
    assert len([p for p in problems if p.endswith("logo is required")]) == 8


@pytest.mark.django_db
@pytest.mark.parametrize("source", [ALIKE, FOUNDATION, CNCF], ids=["alike", "foundation", "cncf"])
def test_landscape2_export_of_other_foundations_files_passes_landscape2_rules(tmp_path, source):
    _import(source)
    out = tmp_path / "landscape.yml"

    counts = export_landscape(year=2026, out_path=out, landscape2=True)

    assert landscape2_problems(yaml.safe_load(out.read_text(encoding="utf-8")), tmp_path / "logos") == []
    assert counts["placeholder_logos"] == counts["items"]  # these files came without logos/
    assert (tmp_path / "logos" / "placeholder.svg").read_bytes() == PLACEHOLDER_SVG


@pytest.mark.django_db
def test_landscape2_export_gives_a_player_without_homepage_its_card_and_says_what_it_added(tmp_path):
    tree = small_taxonomy()
    player = PlayerFactory(name="홈페이지없음", homepage="")
    PlacementFactory(player=player, primary=tree["xr"], status=Placement.Status.CONFIRMED)
    PlacementFactory(
        player=PlayerFactory(name="주소만", homepage="www.example.kr"), primary=tree["xr"], status="confirmed"
    )
    out = tmp_path / "landscape.zip"
    stdout = StringIO()

    call_command("export_landscape", "--year", "2026", "--out", str(out), stdout=stdout)

    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as archive:
        assert sorted(archive.namelist()) == ["landscape.yml", "logos/placeholder.svg"]
        document = yaml.safe_load(archive.read("landscape.yml"))
    items = document["categories"][0]["subcategories"][0]["items"]
    assert [(item["name"], item["homepage_url"], item["logo"]) for item in items] == [
        ("주소만", "http://www.example.kr", "placeholder.svg"),
        (
            "홈페이지없음",
            settings.SITE_URL + reverse("ecosystem:player_card", args=[2026, player.pk]),
            "placeholder.svg",
        ),
    ]
    assert landscape2_problems(document) == []
    assert "2" in stdout.getvalue().splitlines()[1]


@pytest.mark.django_db
def test_reimporting_a_landscape2_export_takes_neither_placeholder_logo_nor_card_address(tmp_path):
    tree = small_taxonomy()
    PlacementFactory(player=PlayerFactory(name="빈곳", homepage=""), primary=tree["xr"], status="confirmed")
    out = tmp_path / "landscape.yml"
    call_command("export_landscape", "--year", "2026", "--out", str(out), "--landscape2", stdout=StringIO())
    Player.objects.all().delete()

    _import(out, year=2027)

    assert list(Player.objects.values_list("name", "homepage", "logo")) == [("빈곳", "", "")]


@pytest.mark.django_db
def test_plain_export_command_still_writes_a_single_file(tmp_path):
    _import(ALIKE)
    out = tmp_path / "landscape.yml"

    call_command("export_landscape", "--year", "2026", "--out", str(out), stdout=StringIO())

    assert sorted(path.name for path in Path(tmp_path).iterdir()) == ["landscape.yml"]
