"""Business fields typed in the census or in an imported file go through the vocabulary as on the staff page:
a term or a recorded spelling of one is that term; any other name becomes the organisation's proposal for
staff to decide, never a new term by itself (the importer says so in its notes, with row and column)."""

import pytest
from django.urls import reverse

from alliance.core.models import AuditEntry, ReviewStatus
from alliance.members import queries
from alliance.members.models import BusinessFieldProposal, CensusResponse, Organisation
from alliance.members.services.importing import import_members
from alliance.members.services.registry import update_organisation
from alliance.members.services.vocabulary import add_variant, seed_terms
from alliance.members.tests.factories import OrganisationFactory
from alliance.members.tests.test_census_respond import _profile, _url
from alliance.members.tests.test_census_support import invite, make_round
from alliance.members.tests.test_import import hanbit_row, xlsx_file, zen_row

pytestmark = pytest.mark.django_db


@pytest.fixture
def vocabulary(staff_user):
    """디지털트윈 with the English spelling "Digital Twin", and 메타버스."""
    terms = seed_terms(["디지털트윈", "메타버스"])
    add_variant(actor=staff_user, field=terms["디지털트윈"], name="Digital Twin")


def pending() -> list[tuple[str, str, str]]:
    return list(
        BusinessFieldProposal.objects.filter(status=ReviewStatus.PENDING)
        .order_by("organisation__name", "name")
        .values_list("organisation__name", "name", "proposed_by__email")
    )


def test_census_fields_use_the_vocabulary_and_an_unknown_one_waits_for_staff(client, vocabulary, staff_user):
    zen = OrganisationFactory(name="주식회사 젠", field_names=["메타버스"])
    invite(make_round(opened_by=staff_user), zen, token="zen-token")
    client.post(_url("zen-token"), _profile(zen, fields_text="메타버스, digital twin, 홀로그램 공연"))
    answer = CensusResponse.objects.get()

    client.force_login(staff_user)
    client.post(reverse("members:census_response_review", args=[answer.pk]), {"action": "apply"})

    assert sorted(zen.fields.values_list("name", flat=True)) == ["디지털트윈", "메타버스"]
    assert queries.business_field_names() == ["디지털트윈", "메타버스"]
    assert pending() == [("주식회사 젠", "홀로그램 공연", staff_user.email)]


def test_imported_fields_use_the_vocabulary_and_unknown_ones_are_proposed_with_row_and_column(
    tmp_path, vocabulary, staff_user
):
    OrganisationFactory(name="주식회사 젠", business_number="2208162517", field_names=["메타버스"])
    rows = [zen_row(주요분야="Digital Twin, 홀로그램 공연"), hanbit_row(주요분야="메타버스, 가상 인간/XR 교육")]
    path = xlsx_file(tmp_path, rows)

    checked = import_members(path=path, actor=staff_user, dry_run=True)
    assert BusinessFieldProposal.objects.count() == 0
    result = import_members(path=path, actor=staff_user)

    proposed = "'주요분야' 열: 사업 분야 목록에 없어 새 분야로 만들지 않고 사무국 검토 제안으로 올립니다"
    notes = [f"2행 {proposed}: '홀로그램 공연'.", f"3행 {proposed}: 'XR 교육', '가상 인간'."]
    assert (checked.notes, result.notes) == (notes, notes)
    fields = {
        organisation.name: sorted(field.name for field in organisation.fields.all())
        for organisation in Organisation.objects.prefetch_related("fields")
    }
    assert fields == {"주식회사 젠": ["디지털트윈"], "(주)한빛소프트": ["메타버스"]}
    assert queries.business_field_names() == ["디지털트윈", "메타버스"]
    assert pending() == [
        ("(주)한빛소프트", "XR 교육", staff_user.email),
        ("(주)한빛소프트", "가상 인간", staff_user.email),
        ("주식회사 젠", "홀로그램 공연", staff_user.email),
    ]


def test_importing_the_same_file_again_proposes_nothing_twice(tmp_path, vocabulary, staff_user):
    path = xlsx_file(tmp_path, [zen_row(주요분야="메타버스, 홀로그램 공연")])

    import_members(path=path, actor=staff_user)
    again = import_members(path=path, actor=staff_user)

    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    assert pending() == [("주식회사 젠", "홀로그램 공연", staff_user.email)]


def test_a_registry_write_never_adds_a_term_by_itself(vocabulary, staff_user):
    zen = OrganisationFactory(name="주식회사 젠", field_names=["메타버스"])

    update_organisation(actor=staff_user, organisation=zen, data={}, field_names=["메타버스", "ＸＲ 교육"])

    assert list(zen.fields.values_list("name", flat=True)) == ["메타버스"]
    assert queries.business_field_names() == ["디지털트윈", "메타버스"]
    assert pending() == [("주식회사 젠", "XR 교육", staff_user.email)]
    assert AuditEntry.objects.filter(action="members.field.proposed").count() == 1
