"""The business-field vocabulary in use: the staff page (add, rename, spelling, merge with confirmation),
members choosing from the list and proposing a field, and the staff decision on a proposal."""

import re

import pytest
from django.test import Client

from alliance.core.models import AuditEntry
from alliance.members import queries
from alliance.members.models import BusinessField, BusinessFieldProposal, BusinessFieldVariant, Organisation
from alliance.members.services.importing import import_members
from alliance.members.services.vocabulary import add_variant
from alliance.members.tests.factories import OrganisationFactory
from alliance.members.tests.test_import import xlsx_file, zen_row
from alliance.members.tests.test_profile import edit_url, profile_post


@pytest.fixture
def staff_client(staff_user):
    client = Client()
    client.force_login(staff_user)
    return client


@pytest.fixture
def rep_client(member_rep):
    client = Client()
    client.force_login(member_rep)
    return client


def field_names(organisation) -> list[str]:
    return sorted(Organisation.objects.get(pk=organisation.pk).fields.values_list("name", flat=True))


def directory_field_options(client) -> list[str]:
    html = client.get("/member_companies").content.decode()
    select = re.search(r'<select name="field".*?</select>', html, re.S).group(0)
    return [option for option in re.findall(r'<option value="([^"]*)"', select) if option]


def test_staff_merges_two_terms_after_confirming_and_the_filter_has_one_option(client, staff_client, staff_user, db):
    twin = OrganisationFactory(name="주식회사 하나", field_names=["디지털트윈"])
    double = OrganisationFactory(name="주식회사 둘", field_names=["디지털 쌍둥이"])
    source, target = BusinessField.objects.get(name="디지털 쌍둥이"), BusinessField.objects.get(name="디지털트윈")
    assert directory_field_options(client) == ["디지털 쌍둥이", "디지털트윈"]
    url = f"/members/vocabulary/{source.pk}/merge/"

    first = staff_client.post(url, {"target": target.pk})

    assert first.status_code == 200
    assert first.context["confirmation"].count == 1
    assert list(first.context["confirmation"].names) == ["주식회사 둘"]
    assert BusinessField.objects.filter(pk=source.pk).exists()

    done = staff_client.post(url, {"target": target.pk, "confirmed": first.context["token"]})

    assert done.status_code == 302
    assert done.url == f"/members/vocabulary/{target.pk}/"
    assert directory_field_options(client) == ["디지털트윈"]
    for organisation in (twin, double):
        assert list(Organisation.objects.get(pk=organisation.pk).fields.values_list("name", flat=True)) == [
            "디지털트윈"
        ]
    assert AuditEntry.objects.filter(action="members.field.merged", actor=staff_user).count() == 1


def test_staff_page_lists_terms_with_use_and_spellings_and_adds_renames_and_records_spellings(staff_client, db):
    OrganisationFactory(name="주식회사 하나", field_names=["디지털트윈", "메타버스"])
    twin = BusinessField.objects.get(name="디지털트윈")

    assert staff_client.post("/members/vocabulary/", {"add-name": "공간 컴퓨팅"}).status_code == 302
    refused = staff_client.post("/members/vocabulary/", {"add-name": "디지털 트윈"})
    staff_client.post(f"/members/vocabulary/{twin.pk}/", {"action": "variant", "variant-name": "Digital twin"})
    staff_client.post(f"/members/vocabulary/{twin.pk}/", {"action": "rename", "rename-name": "디지털 트윈 플랫폼"})

    assert refused.context["form"].errors["name"] == ["‘디지털 트윈’은 이미 ‘디지털트윈’ 분야를 뜻합니다."]
    rows = [
        (t.name, t.organisation_count, t.variant_names)
        for t in staff_client.get("/members/vocabulary/").context["terms"]
    ]
    assert rows == [
        ("공간 컴퓨팅", 0, []),
        ("디지털 트윈 플랫폼", 1, ["Digital twin", "디지털트윈"]),
        ("메타버스", 1, []),
    ]
    assert list(
        OrganisationFactory(name="주식회사 둘", field_names=["디지털트윈"]).fields.values_list("name", flat=True)
    ) == ["디지털 트윈 플랫폼"]
    assert sorted(AuditEntry.objects.filter(action__startswith="members.field.").values_list("action", flat=True)) == [
        "members.field.added",
        "members.field.renamed",
        "members.field.variant_added",
    ]


def test_a_spelling_typed_in_an_imported_file_maps_to_its_term(tmp_path, staff_user, db):
    OrganisationFactory(name="주식회사 하나", field_names=["디지털트윈", "메타버스"])
    add_variant(actor=staff_user, field=BusinessField.objects.get(name="디지털트윈"), name="Digital Twin")

    import_members(path=xlsx_file(tmp_path, [zen_row(주요분야="digital twin, 메타버스")]), actor_label="test")

    zen = Organisation.objects.get(name="주식회사 젠")
    assert sorted(zen.fields.values_list("name", flat=True)) == ["디지털트윈", "메타버스"]
    assert queries.business_field_names() == ["디지털트윈", "메타버스"]


def test_member_picks_fields_from_the_list_and_cannot_type_a_new_term(rep_client, organisation):
    BusinessField.objects.create(name="XR 콘텐츠")
    page = rep_client.get(edit_url(organisation)).content.decode()
    assert 'type="checkbox" name="field_names" value="XR 콘텐츠"' in page

    rep_client.post(edit_url(organisation), profile_post(organisation, field_names=["XR 콘텐츠", "메타버스"]))
    refused = rep_client.post(edit_url(organisation), profile_post(organisation, field_names=["양자컴퓨팅"]))

    assert sorted(organisation.fields.values_list("name", flat=True)) == ["XR 콘텐츠", "메타버스"]
    assert refused.status_code == 200
    assert refused.context["form"].errors["field_names"] == [
        "올바르게 선택해 주세요. 양자컴퓨팅 이/가 선택가능항목에 없습니다."
    ]
    assert not BusinessField.objects.filter(name="양자컴퓨팅").exists()


def test_a_proposed_name_that_is_a_listed_spelling_is_chosen_not_proposed(rep_client, organisation):
    rep_client.post(edit_url(organisation), profile_post(organisation, field_names=[], proposed_field="메타 버스"))

    assert list(organisation.fields.values_list("name", flat=True)) == ["메타버스"]
    assert BusinessFieldProposal.objects.count() == 0


def propose(rep_client, organisation, name="공간 컴퓨팅") -> BusinessFieldProposal:
    fields = list(organisation.fields.values_list("name", flat=True))
    response = rep_client.post(
        edit_url(organisation), profile_post(organisation, field_names=fields, proposed_field=name)
    )
    assert response.status_code == 302
    return BusinessFieldProposal.objects.get(organisation=organisation, name=name)


def test_a_proposal_accepted_becomes_a_term_the_organisation_has(rep_client, staff_client, organisation):
    proposal = propose(rep_client, organisation)
    assert (proposal.status, queries.business_field_names()) == ("pending", ["디지털트윈", "메타버스"])

    response = staff_client.post(f"/members/vocabulary/proposals/{proposal.pk}/", {"action": "accept"})

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.term.name) == ("applied", "공간 컴퓨팅")
    assert sorted(organisation.fields.values_list("name", flat=True)) == ["공간 컴퓨팅", "디지털트윈", "메타버스"]


def test_a_proposal_mapped_becomes_a_spelling_of_the_term(rep_client, staff_client, organisation):
    organisation.fields.clear()
    proposal = propose(rep_client, organisation, "트윈 플랫폼")
    twin = BusinessField.objects.get(name="디지털트윈")

    staff_client.post(f"/members/vocabulary/proposals/{proposal.pk}/", {"action": "map", "term": twin.pk})

    proposal.refresh_from_db()
    assert (proposal.status, proposal.term) == ("applied", twin)
    assert list(BusinessFieldVariant.objects.values_list("name", "field__name")) == [("트윈 플랫폼", "디지털트윈")]
    assert list(organisation.fields.values_list("name", flat=True)) == ["디지털트윈"]
    assert "디지털트윈" in rep_client.get(edit_url(organisation)).content.decode()


def test_a_proposal_rejected_needs_a_note_and_changes_nothing(rep_client, staff_client, organisation):
    proposal = propose(rep_client, organisation)
    url = f"/members/vocabulary/proposals/{proposal.pk}/"

    without_note = staff_client.post(url, {"action": "reject", "note": " "})
    staff_client.post(url, {"action": "reject", "note": "너무 좁은 분야입니다."})

    assert without_note.context["form"].errors["note"] == ["반려 사유를 쓰세요."]
    proposal.refresh_from_db()
    assert (proposal.status, proposal.review_note) == ("rejected", "너무 좁은 분야입니다.")
    assert queries.business_field_names() == ["디지털트윈", "메타버스"]
    assert "너무 좁은 분야입니다." in rep_client.get(edit_url(organisation)).content.decode()


def test_a_term_renamed_meanwhile_refuses_the_later_rename(staff_user, db):
    from alliance.core.tests.editing import posted

    OrganisationFactory(name="주식회사 하나", field_names=["디지털트윈"])
    twin = BusinessField.objects.get(name="디지털트윈")
    url = f"/members/vocabulary/{twin.pk}/"
    first, second = Client(), Client()
    first.force_login(staff_user)
    second.force_login(staff_user)
    first_form, second_form = posted(first.get(url).context["rename"]), posted(second.get(url).context["rename"])

    assert first.post(url, first_form | {"action": "rename", "rename-name": "디지털 트윈"}).status_code == 302
    response = second.post(url, second_form | {"action": "rename", "rename-name": "디지털트윈 기술"})

    assert response.status_code == 200
    assert response.context["rename"].stale_changes == [
        {"label": "분야명", "theirs": "디지털 트윈", "yours": "디지털트윈 기술"}
    ]
    assert 'name="action" value="rename"' in response.content.decode()
    assert BusinessField.objects.get(pk=twin.pk).name == "디지털 트윈"

    retry = second.post(url, posted(response.context["rename"]) | {"action": "rename"})

    assert retry.status_code == 302
    assert BusinessField.objects.get(pk=twin.pk).name == "디지털트윈 기술"


@pytest.mark.parametrize(
    ("term", "typed", "message"),
    [
        ("디지털트윈", "디지털 트윈", "‘디지털 트윈’은 이미 ‘디지털트윈’ 분야를 뜻합니다."),  # ends in ㄴ: 은
        ("메타버스", "메타 버스", "‘메타 버스’는 이미 ‘메타버스’ 분야를 뜻합니다."),  # ends in a vowel: 는
    ],
)
def test_a_spelling_of_an_existing_term_is_refused_with_the_particle_its_last_sound_takes(
    staff_client, db, term, typed, message
):
    OrganisationFactory(name="주식회사 하나", field_names=[term])

    refused = staff_client.post("/members/vocabulary/", {"add-name": typed})

    page = refused.content.decode()
    assert (message in page, "(는)" in page, "은(" in page) == (True, False, False)
    assert refused.context["form"].errors["name"] == [message]
