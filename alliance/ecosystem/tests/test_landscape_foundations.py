"""landscape.yml as other foundations write it (issue 11): unquoted dates in `extra`, `second_path`, alike names
of different projects, one player's entries with their own data."""

import json
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils.translation import gettext

from alliance.core.korean import with_particles
from alliance.ecosystem.landscape.filters import search_ids
from alliance.ecosystem.landscape.grid import live_landscape
from alliance.ecosystem.models import Placement, Player, Taxonomy, TaxonomyNode
from alliance.ecosystem.services.landscape_import import export_landscape
from alliance.ecosystem.services.landscape_yml import read_landscape_file
from alliance.ecosystem.tests.factories import PlayerFactory
from alliance.ecosystem.tests.test_landscape_yml import CNCF

FOUNDATION = Path(__file__).parent / "data" / "landscapes" / "foundation.yml"


def _import(path: Path, year: int = 2026) -> None:
    call_command("import_landscape", str(path), "--year", str(year), stdout=StringIO(), stderr=StringIO())


def _items(path: Path) -> dict:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        (category["name"], sub["name"], item["name"]): item
        for category in document["categories"]
        for sub in category["subcategories"]
        for item in sub["items"]
    }


@pytest.mark.django_db
def test_unquoted_dates_in_extra_are_kept_as_iso_text_and_written_back(tmp_path):
    _import(FOUNDATION)
    exported = tmp_path / "landscape.yml"

    export_landscape(year=2026, out_path=exported)

    items = _items(exported)
    kubeflow = items[("Runtime", "Container Runtime", "Kubeflow")]
    assert kubeflow["extra"] == {
        "accepted": "2020-07-07",
        "incubating": "2022-10-24",
        "dev_stats_url": "https://kubeflow.devstats.cncf.io",
    }
    assert items[("Runtime", "Cloud Native Storage", "Longhorn")]["joined"] == "2019-10-01"


@pytest.mark.django_db
def test_second_path_places_the_item_there_and_is_written_back_as_second_path(tmp_path):
    _import(FOUNDATION)
    exported = tmp_path / "landscape.yml"

    export_landscape(year=2026, out_path=exported)

    placement = Placement.objects.get(player__name="Kubeflow")
    assert (placement.primary.name, [node.name for node in placement.secondary.all()]) == (
        "Container Runtime",
        ["Scheduling"],
    )
    assert TaxonomyNode.objects.get(name="Scheduling").pk in set(placement.secondary.values_list("pk", flat=True))
    items = _items(exported)
    assert items[("Runtime", "Container Runtime", "Kubeflow")]["second_path"] == ["Orchestration / Scheduling"]
    assert sorted(name for (_c, sub, name) in items if sub == "Scheduling") == ["Volcano"]
    assert read_landscape_file(exported).warnings == []


ALIKE = Path(__file__).parent / "data" / "landscapes" / "alike_names.yml"


def _import_result(path: Path, year: int = 2026) -> dict:
    out = StringIO()
    call_command("import_landscape", str(path), "--year", str(year), "--format", "json", stdout=out, stderr=StringIO())
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_names_differing_only_in_case_with_other_homepages_are_two_players_and_the_notes_say_so():
    result = _import_result(ALIKE)

    players = Player.objects.filter(name_key="kubectx").order_by("disambiguator")
    assert [(p.name, p.homepage, p.disambiguator) for p in players] == [
        ("kubectx", "https://github.com/ahmetb/kubectx", ""),
        ("KubeCtx", "https://kubectx-extension.example.dev/", "kubectx-extension.example.dev"),
    ]
    assert (
        with_particles(
            gettext(
                "Line %(line)s: “%(name)s” and “%(other)s” on line %(other_line)s have alike names but "
                "different homepages and repositories: imported as two players."
            ),
            {"line": 16, "name": "KubeCtx", "other": "kubectx", "other_line": 11},
        )
        in result["warnings"]
    )


@pytest.mark.django_db
def test_one_name_in_two_subcategories_of_different_projects_keeps_each_its_own_data(tmp_path):
    _import(ALIKE)
    exported = tmp_path / "landscape.yml"

    export_landscape(year=2026, out_path=exported)

    assert Player.objects.filter(name="Atlas").count() == 2
    items = _items(exported)
    assert (items[("Observability", "Tracing", "Atlas")]["repo_url"], items[("Data", "Metadata", "Atlas")]) == (
        "https://github.com/atlas-tracing/atlas",
        {
            "name": "Atlas",
            "homepage_url": "https://atlas.apache.org/",
            "description": "Metadata management and governance.",
            "repo_url": "https://github.com/apache/atlas",
        },
    )


@pytest.mark.django_db
def test_one_player_in_several_subcategories_gives_back_each_entry_as_it_came_in(tmp_path):
    _import(ALIKE)
    exported = tmp_path / "landscape.yml"

    export_landscape(year=2026, out_path=exported)

    assert Player.objects.filter(name_key__in=["k0rdent", "opengauss"]).count() == 2  # shared homepage, repository
    source, items = _items(ALIKE), _items(exported)
    for key in [
        ("Platform", "Certified Distribution", "k0rdent"),
        ("Platform", "Scheduling", "k0rdent"),
        ("Data", "Database", "openGauss"),
        ("Platform", "Scheduling", "OpenGauss"),
    ]:
        assert {k: v for k, v in items[key].items() if k != "logo"} == {
            k: v for k, v in source[key].items() if k != "logo"
        }


@pytest.mark.django_db
def test_every_item_of_the_cncf_file_comes_back_with_its_own_data(tmp_path):
    _import(CNCF)
    exported = tmp_path / "cncf.yml"

    export_landscape(year=2026, out_path=exported)

    def entries(path):
        return {
            (c.name, s.name, item.name): (item.homepage, item.description, item.extra)
            for c in read_landscape_file(path).categories
            for s in c.subcategories
            for item in s.items
        }

    original, again = entries(CNCF), entries(exported)
    assert len(original) == 2413
    assert {key: value for key, value in again.items() if original.get(key) != value} == {}
    assert again.keys() == original.keys()


@pytest.mark.django_db
def test_reimport_matches_players_by_evidence_and_an_alike_existing_player_stays_apart(tmp_path):
    PlayerFactory(name="ATLAS", homepage="https://atlas.example.kr")  # a company entered by staff
    _import(ALIKE)
    exported = tmp_path / "landscape.yml"
    export_landscape(year=2026, out_path=exported)
    count = Player.objects.count()

    result = _import_result(exported, year=2027)

    assert (Player.objects.count(), result["players_created"]) == (count, 0)
    assert sorted(Player.objects.filter(name_key="atlas").values_list("disambiguator", flat=True)) == [
        "",
        "atlas-tracing.example.io",
        "atlas.apache.org",
    ]


@pytest.mark.django_db
def test_map_search_finds_both_alike_players():
    _import(ALIKE)

    landscape = live_landscape(Taxonomy.objects.get(year=2026))

    found = search_ids(landscape, "kube ctx")
    assert sorted(Player.objects.get(pk=pk).name for pk in found) == ["KubeCtx", "kubectx"]


@pytest.mark.django_db
def test_players_of_one_name_key_need_different_disambiguators():
    PlayerFactory(name="Atlas")

    with pytest.raises(IntegrityError), transaction.atomic():
        Player.objects.create(name="ATLAS", name_key="atlas")
