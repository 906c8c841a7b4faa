"""The taxonomy editor pages: tree, add, rename, move, delete (with the rules' refusals shown)."""

import pytest
from django.urls import reverse

from alliance.core.roles import Role
from alliance.core.tests.confirming import post_confirmed
from alliance.core.tests.factories import UserFactory
from alliance.ecosystem.models import Taxonomy, TaxonomyNode
from alliance.ecosystem.tests.factories import PlacementFactory, small_taxonomy

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


def test_tree_page_lists_nodes_in_order_with_player_counts(staff_client):
    tree = small_taxonomy()
    PlacementFactory(primary=tree["software"])

    response = staff_client.get(reverse("ecosystem:taxonomy", args=[2026]))

    names = [node.name for node in response.context["nodes"]]
    assert names == [
        "핵심산업 영역",
        "기반 부문",
        "하드웨어",
        "XR 디바이스",
        "센서",
        "소프트웨어",
        "인프라",
        "클라우드",
        "전방연관 영역",
        "1차",
        "교육",
    ]
    assert {node.name: node.placed for node in response.context["nodes"]}["소프트웨어"] == 1


def test_subcommittee_member_may_add_a_node(client):
    tree = small_taxonomy()
    client.force_login(UserFactory(role=Role.SUBCOMMITTEE))

    response = client.post(
        reverse("ecosystem:node_add", args=[2026]), {"name": "AR 글라스", "parent": tree["hardware"].pk}
    )

    assert response.status_code == 302
    assert TaxonomyNode.objects.get(name="AR 글라스").path == ["핵심산업 영역", "기반 부문", "하드웨어", "AR 글라스"]


def test_delete_node_with_players_shows_refusal_and_keeps_node(staff_client):
    tree = small_taxonomy()
    PlacementFactory(primary=tree["cloud"])

    response = staff_client.post(reverse("ecosystem:node_delete", args=[tree["cloud"].pk]), follow=True)

    assert TaxonomyNode.objects.filter(pk=tree["cloud"].pk).exists()
    assert [(m.level_tag, "“클라우드”" in str(m)) for m in response.context["messages"]] == [("error", True)]


def test_move_node_form_moves_under_chosen_parent(staff_client):
    tree = small_taxonomy()

    staff_client.post(reverse("ecosystem:node_move", args=[tree["cloud"].pk]), {"parent": tree["base"].pk})

    tree["cloud"].refresh_from_db()
    assert tree["cloud"].parent_id == tree["base"].pk


def test_rename_to_sibling_name_shows_field_error(staff_client):
    tree = small_taxonomy()

    response = staff_client.post(
        reverse("ecosystem:node_edit", args=[tree["software"].pk]),
        {"name": "하드웨어", "ksic_codes": "", "keywords": ""},
    )

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["name"]
    tree["software"].refresh_from_db()
    assert tree["software"].name == "소프트웨어"


def test_rename_with_bad_ksic_code_is_refused(staff_client):
    tree = small_taxonomy()

    response = staff_client.post(
        reverse("ecosystem:node_edit", args=[tree["software"].pk]), {"name": "SW", "ksic_codes": "5822", "keywords": ""}
    )

    assert list(response.context["form"].errors) == ["ksic_codes"]


def test_create_taxonomy_from_copy_of_previous_year(staff_client):
    small_taxonomy(2025)

    first = staff_client.post(reverse("ecosystem:taxonomy_create"), {"year": 2026, "start_from": "2025"})
    assert ("11건" in first.content.decode(), Taxonomy.objects.filter(year=2026).exists()) == (True, False)
    post_confirmed(staff_client, reverse("ecosystem:taxonomy_create"), {"year": 2026, "start_from": "2025"})

    copy = Taxonomy.objects.get(year=2026)
    assert (copy.copied_from.year, copy.nodes.count()) == (2025, 11)


def test_facet_add_and_delete(staff_client):
    tree = small_taxonomy()

    staff_client.post(
        reverse("ecosystem:facets", args=[2026]), {"kind": "field", "name": "국방", "keywords": "국방, 군"}
    )
    staff_client.post(reverse("ecosystem:facet_delete", args=[2026, "technology", tree["twin"].pk]))

    taxonomy = tree["taxonomy"]
    assert list(taxonomy.fields.values_list("name", "keywords")) == [
        ("교육·훈련", ["교육·훈련"]),
        ("제조·건설", ["제조·건설"]),
        ("국방", ["국방", "군"]),
    ]
    assert list(taxonomy.technologies.values_list("name", flat=True)) == ["실시간 렌더링"]


def test_score_formula_page_shows_every_component(client):
    response = client.get(reverse("ecosystem:score_formula"))

    assert [component.field for component in response.context["components"]] == [
        "patents",
        "rd_staff_share",
        "certifications",
        "awards",
    ]


def test_tree_page_shows_year_and_node_ids_without_thousands_separator(staff_client):
    tree = small_taxonomy()
    TaxonomyNode.objects.filter(pk=tree["xr"].pk).update(id=1309)

    response = staff_client.get(reverse("ecosystem:taxonomy", args=[2026]))

    content = response.content.decode()
    assert 'id="node-1309"' in content
    assert "2,026" not in content


def test_tree_and_facet_pages_ask_for_a_node_or_item_name_not_a_company_name(staff_client):
    small_taxonomy()

    tree_page = staff_client.get(reverse("ecosystem:taxonomy", args=[2026])).content.decode()
    facets_page = staff_client.get(reverse("ecosystem:facets", args=[2026])).content.decode()
    node_page = staff_client.get(reverse("ecosystem:node_edit", args=[TaxonomyNode.objects.first().pk]))

    assert "회사명" not in tree_page + facets_page + node_page.content.decode()
    # One "add" form under each of the 9 domains, layers and categories, and one for a new domain.
    assert tree_page.count("<label>분류 이름 <input") == 10
    assert "항목 이름" in facets_page
    assert node_page.context["form"]["name"].label == "분류 이름"
