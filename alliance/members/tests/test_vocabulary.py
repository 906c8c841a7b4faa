"""Business fields as a vocabulary: spellings of one field are one term, staff record variants and merge terms."""

import pytest

from alliance.members import queries
from alliance.members.models import BusinessField, BusinessFieldVariant, Organisation
from alliance.members.services.registry import update_organisation
from alliance.members.services.vocabulary import VocabularyError, add_variant, merge_terms
from alliance.members.tests.factories import OrganisationFactory


def field_filter(name: str) -> list[str]:
    return [organisation.name for organisation in queries.directory_page({"field": name, "page": ""})["page"]]


def test_spacing_case_and_full_width_spellings_are_one_term(organisation, staff_user):
    """The UX finding: a member typing "디지털 트윈" split the public filter beside "디지털트윈"."""
    other = OrganisationFactory(name="주식회사 둘", field_names=["디지털 트윈", "ＸＲ 콘텐츠"])
    third = OrganisationFactory(name="주식회사 셋", field_names=["xr콘텐츠"])

    update_organisation(actor=staff_user, organisation=organisation, data={}, field_names=["디지털  트윈", "메타버스"])

    assert queries.business_field_names() == ["XR 콘텐츠", "디지털트윈", "메타버스"]
    assert sorted(field_filter("디지털트윈")) == sorted([organisation.name, other.name])
    assert sorted(field_filter("XR 콘텐츠")) == sorted([other.name, third.name])


def test_a_recorded_variant_maps_to_its_term(organisation, staff_user):
    twin = BusinessField.objects.get(name="디지털트윈")
    add_variant(actor=staff_user, field=twin, name="Digital Twin")

    new = OrganisationFactory(name="주식회사 넷", field_names=["digital twin"])

    assert list(new.fields.values_list("name", flat=True)) == ["디지털트윈"]
    with pytest.raises(VocabularyError, match="이미 ‘디지털트윈’ 분야를 뜻합니다"):
        add_variant(actor=staff_user, field=BusinessField.objects.get(name="메타버스"), name="디지털 트윈")


def test_merging_two_terms_moves_organisations_and_keeps_the_name_as_a_spelling(organisation, staff_user):
    other = OrganisationFactory(name="주식회사 둘", field_names=["디지털 쌍둥이"])
    source, target = BusinessField.objects.get(name="디지털 쌍둥이"), BusinessField.objects.get(name="디지털트윈")

    merge_terms(actor=staff_user, source=source, target=target)

    assert queries.business_field_names() == ["디지털트윈", "메타버스"]
    assert list(BusinessFieldVariant.objects.values_list("name", "field__name")) == [("디지털 쌍둥이", "디지털트윈")]
    assert sorted(field_filter("디지털트윈")) == sorted([organisation.name, other.name])
    assert "디지털트윈" in Organisation.objects.get(pk=other.pk).search_text
    assert list(
        OrganisationFactory(name="주식회사 다섯", field_names=["디지털쌍둥이"]).fields.values_list("name", flat=True)
    ) == ["디지털트윈"]
