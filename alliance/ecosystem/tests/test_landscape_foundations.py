"""landscape.yml as other foundations write it (issue 11): unquoted dates in `extra`, `second_path`."""

from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

from alliance.ecosystem.models import Placement, TaxonomyNode
from alliance.ecosystem.services.landscape_import import export_landscape
from alliance.ecosystem.services.landscape_yml import read_landscape_file

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
