"""Taxonomy rules: well-formed tree, no cycles, no deleting a node with players, copy and default seed."""

import pytest
from django.core.exceptions import ValidationError

from alliance.core.models import AuditEntry
from alliance.ecosystem import default_taxonomy
from alliance.ecosystem.models import Level, Placement, Taxonomy, TaxonomyNode
from alliance.ecosystem.queries import node_paths
from alliance.ecosystem.services.taxonomy import (
    add_node,
    copy_taxonomy,
    delete_node,
    move_node,
    seed_default_taxonomy,
    update_node,
)
from alliance.ecosystem.tests.factories import PlacementFactory, TaxonomyFactory, small_taxonomy

pytestmark = pytest.mark.django_db


def test_add_node_under_category_is_subcategory_with_path(staff_user):
    tree = small_taxonomy()

    node = add_node(actor=staff_user, taxonomy=tree["taxonomy"], parent=tree["software"], name=" 엔진 ")

    assert (node.level, node.path) == (Level.SUBCATEGORY, ["핵심산업 영역", "기반 부문", "소프트웨어", "엔진"])
    assert AuditEntry.objects.filter(action="ecosystem.node.added").count() == 1


def test_add_node_under_subcategory_is_refused(staff_user):
    tree = small_taxonomy()

    with pytest.raises(ValidationError) as error:
        add_node(actor=staff_user, taxonomy=tree["taxonomy"], parent=tree["xr"], name="너무 깊은 분류")

    assert error.value.code == "parent_level"


def test_add_node_with_sibling_name_is_refused(staff_user):
    tree = small_taxonomy()

    with pytest.raises(ValidationError) as error:
        add_node(actor=staff_user, taxonomy=tree["taxonomy"], parent=tree["base"], name="하드웨어")

    assert error.value.code == "name_taken"


def test_move_node_under_own_descendant_is_refused(staff_user):
    tree = small_taxonomy()

    with pytest.raises(ValidationError) as error:
        move_node(actor=staff_user, node=tree["hardware"], parent=tree["xr"])

    assert error.value.code == "parent_level"
    tree["hardware"].refresh_from_db()
    assert tree["hardware"].parent_id == tree["base"].pk


def test_move_layer_under_itself_is_refused(staff_user):
    tree = small_taxonomy()

    with pytest.raises(ValidationError):
        move_node(actor=staff_user, node=tree["base"], parent=tree["base"])


def test_move_node_into_other_years_taxonomy_is_refused(staff_user):
    tree = small_taxonomy(2026)
    other = small_taxonomy(2025)

    with pytest.raises(ValidationError) as error:
        move_node(actor=staff_user, node=tree["hardware"], parent=other["infra"])

    assert error.value.code == "parent_taxonomy"


def test_move_node_to_other_layer_changes_path_and_positions(staff_user):
    tree = small_taxonomy()

    move_node(actor=staff_user, node=tree["hardware"], parent=tree["infra"], position=0)

    assert tree["hardware"].path == ["핵심산업 영역", "인프라", "하드웨어"]
    assert list(tree["infra"].children.order_by("position").values_list("name", flat=True)) == ["하드웨어", "클라우드"]
    assert list(tree["base"].children.values_list("name", flat=True)) == ["소프트웨어"]
    entry = AuditEntry.objects.get(action="ecosystem.node.moved")
    assert (entry.before["path"], entry.after["path"]) == (
        ["핵심산업 영역", "기반 부문", "하드웨어"],
        ["핵심산업 영역", "인프라", "하드웨어"],
    )


def test_delete_node_with_primary_player_is_refused_until_moved(staff_user):
    tree = small_taxonomy()
    placement = PlacementFactory(primary=tree["software"])

    with pytest.raises(ValidationError) as error:
        delete_node(actor=staff_user, node=tree["software"])
    assert error.value.code == "node_not_empty"

    placement.primary = tree["cloud"]
    placement.save()
    delete_node(actor=staff_user, node=tree["software"])
    assert not TaxonomyNode.objects.filter(name="소프트웨어").exists()


def test_delete_node_with_secondary_player_is_refused(staff_user):
    tree = small_taxonomy()
    PlacementFactory(primary=tree["cloud"], secondary=[tree["software"]])

    with pytest.raises(ValidationError) as error:
        delete_node(actor=staff_user, node=tree["software"])

    assert error.value.code == "node_not_empty"
    assert error.value.params == {"name": "소프트웨어", "count": 1}


def test_delete_node_with_children_is_refused(staff_user):
    tree = small_taxonomy()

    with pytest.raises(ValidationError) as error:
        delete_node(actor=staff_user, node=tree["hardware"])

    assert error.value.code == "node_has_children"


def test_delete_empty_node_records_path(staff_user):
    tree = small_taxonomy()

    delete_node(actor=staff_user, node=tree["sensor"])

    entry = AuditEntry.objects.get(action="ecosystem.node.deleted")
    assert entry.before["path"] == ["핵심산업 영역", "기반 부문", "하드웨어", "센서"]


def test_update_node_to_sibling_name_is_refused(staff_user):
    tree = small_taxonomy()

    with pytest.raises(ValidationError):
        update_node(actor=staff_user, node=tree["software"], name="하드웨어")


def test_update_node_cleans_codes_and_keywords(staff_user):
    tree = small_taxonomy()

    update_node(
        actor=staff_user, node=tree["software"], name="SW", ksic_codes=["58221", " ", "58221"], keywords=["엔진", ""]
    )

    tree["software"].refresh_from_db()
    assert (tree["software"].name, tree["software"].ksic_codes, tree["software"].keywords) == (
        "SW",
        ["58221"],
        ["엔진"],
    )


def test_seed_default_taxonomy_matches_default_data(staff_user):
    taxonomy = seed_default_taxonomy(actor=staff_user, year=2026)

    paths = node_paths(taxonomy)
    category_paths = sorted(
        paths[node.pk] for node in TaxonomyNode.objects.filter(taxonomy=taxonomy, level=Level.CATEGORY)
    )
    assert category_paths == sorted(default_taxonomy.category_paths())
    assert list(taxonomy.technologies.values_list("name", flat=True)) == [
        item["name"] for item in default_taxonomy.TECHNOLOGIES
    ]
    assert taxonomy.fields.count() == len(default_taxonomy.FIELDS)


def test_seed_default_taxonomy_twice_is_refused(staff_user):
    seed_default_taxonomy(actor=staff_user, year=2026)

    with pytest.raises(ValidationError):
        seed_default_taxonomy(actor=staff_user, year=2026)


def test_copy_taxonomy_keeps_tree_facets_and_placements_as_drafts(staff_user):
    tree = small_taxonomy(2025)
    placement = PlacementFactory(
        primary=tree["xr"], secondary=[tree["cloud"]], technologies=[tree["twin"]], fields=[tree["training"]], patents=4
    )
    placement.status = Placement.Status.CONFIRMED
    placement.save()

    copy = copy_taxonomy(actor=staff_user, source=tree["taxonomy"], year=2026, with_placements=True)

    assert sorted(node_paths(copy).values()) == sorted(node_paths(tree["taxonomy"]).values())
    assert copy.copied_from == tree["taxonomy"]
    copied = Placement.objects.get(taxonomy=copy)
    assert (copied.player_id, copied.primary.path, copied.status, copied.patents) == (
        placement.player_id,
        ["핵심산업 영역", "기반 부문", "하드웨어", "XR 디바이스"],
        Placement.Status.DRAFT,
        4,
    )
    assert copied.primary.taxonomy == copy
    assert [node.path[-1] for node in copied.secondary.all()] == ["클라우드"]
    assert [t.taxonomy_id for t in copied.technologies.all()] == [copy.pk]
    assert [f.name for f in copied.fields.all()] == ["교육·훈련"]


def test_copy_taxonomy_to_existing_year_is_refused(staff_user):
    tree = small_taxonomy(2025)
    TaxonomyFactory(year=2026)

    with pytest.raises(ValidationError):
        copy_taxonomy(actor=staff_user, source=tree["taxonomy"], year=2026)
    assert Taxonomy.objects.count() == 2
