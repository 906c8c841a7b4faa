"""The personal census link: confirm as is, submit corrections, staff apply or reject, dead links."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from alliance.core.models import AuditEntry
from alliance.core.regions import RegionError, clean_sigungu
from alliance.members.models import CensusResponse, Organisation
from alliance.members.services.vocabulary import seed_terms
from alliance.members.tests.factories import OrganisationFactory
from alliance.members.tests.test_census_support import invite, korean, make_round  # noqa: F401  fixture

pytestmark = pytest.mark.usefixtures("korean")


def _url(token: str) -> str:
    return reverse("members:census_respond", args=[token])


def _profile(organisation, **changes) -> dict:
    """The respondent form as the page prefills it, with `changes` typed over it."""
    data = {
        "name_en": organisation.name_en,
        "sido": organisation.sido,
        "sigungu": organisation.sigungu,
        "founded_year": organisation.founded_year or "",
        "employees": organisation.employees or "",
        "revenue_million": organisation.revenue_million or "",
        "fields_text": ", ".join(organisation.fields.values_list("name", flat=True)),
        "description": organisation.description,
        "homepage": organisation.homepage,
        "respondent_name": "홍길동",
        "action": "submit",
    }
    return data | changes


@pytest.fixture
def zen(db):
    return OrganisationFactory(name="주식회사 젠", employees=30, founded_year=2015, field_names=["메타버스"])


@pytest.fixture
def census_round(staff_user):
    return make_round(opened_by=staff_user)


def test_confirm_as_is_sets_last_confirmed_on_at_once(client, zen, census_round):
    invitation = invite(census_round, zen, token="zen-token")

    response = client.post(_url("zen-token"), {"action": "confirm", "respondent_name": "홍길동"}, follow=True)

    zen.refresh_from_db()
    invitation.refresh_from_db()
    assert zen.last_confirmed_on == timezone.localdate()
    assert invitation.responded_at is not None
    answer = CensusResponse.objects.get()
    assert (answer.status, answer.changes, answer.respondent_name) == ("applied", {}, "홍길동")
    thanks = [str(message) for message in response.context["messages"]]
    assert thanks == ["감사합니다. 현재 정보 그대로 확인되었습니다."]
    entry = AuditEntry.objects.get(action="members.org.updated")
    assert (entry.actor, entry.actor_label, entry.before, entry.after) == (
        None,
        "현황 조사 응답자 홍길동",
        {"last_confirmed_on": None},
        {"last_confirmed_on": timezone.localdate().isoformat()},
    )


def test_submit_without_changes_counts_as_confirmation(client, zen, census_round):
    invite(census_round, zen, token="zen-token")

    client.post(_url("zen-token"), _profile(zen))

    zen.refresh_from_db()
    assert zen.last_confirmed_on == timezone.localdate()
    assert list(CensusResponse.objects.values_list("status", "changes")) == [("applied", {})]


def test_corrections_wait_for_review_then_staff_applies(client, zen, census_round, staff_user):
    seed_terms(["디지털트윈"])  # a term of the vocabulary (a name outside it: test_vocabulary_writes.py)
    invite(census_round, zen, token="zen-token")

    client.post(_url("zen-token"), _profile(zen, employees="45", fields_text="메타버스, 디지털트윈"))

    zen.refresh_from_db()
    assert (zen.employees, zen.last_confirmed_on) == (30, None)
    answer = CensusResponse.objects.get()
    assert (answer.status, answer.changes) == (
        "pending",
        {
            "employees": {"before": 30, "after": 45},
            "fields": {"before": ["메타버스"], "after": ["디지털트윈", "메타버스"]},
        },
    )
    client.force_login(staff_user)
    review = client.get(reverse("members:census_response_review", args=[answer.pk]))
    assert [(row["label"], row["before"], row["after"]) for row in review.context["rows"]] == [
        ("employees", "30명", "45명"),
        ("business fields", "메타버스", "디지털트윈, 메타버스"),
    ]
    AuditEntry.objects.all().delete()

    response = client.post(reverse("members:census_response_review", args=[answer.pk]), {"action": "apply"})

    assert response.status_code == 302
    zen = Organisation.objects.get(pk=zen.pk)
    assert (zen.employees, zen.last_confirmed_on) == (45, timezone.localdate())
    assert sorted(zen.fields.values_list("name", flat=True)) == ["디지털트윈", "메타버스"]
    answer.refresh_from_db()
    assert (answer.status, answer.reviewed_by) == ("applied", staff_user)
    entries = [
        (entry.action, entry.actor, entry.actor_label, entry.target_id, entry.before, entry.after)
        for entry in AuditEntry.objects.order_by("pk")
    ]
    assert entries == [
        (
            "members.org.updated",
            staff_user,
            "현황 조사 응답자 홍길동 (반영: 사무국 직원)",
            str(zen.pk),
            {"employees": 30, "last_confirmed_on": None, "fields": ["메타버스"]},
            {
                "employees": 45,
                "last_confirmed_on": timezone.localdate().isoformat(),
                "fields": ["디지털트윈", "메타버스"],
            },
        ),
        (
            "members.census.applied",
            staff_user,
            "사무국 직원 <staff@alliance.example.kr>",
            str(answer.pk),
            {"status": "pending"},
            {"status": "applied"},
        ),
    ]


def test_staff_reject_with_note_leaves_organisation_unchanged(client, zen, census_round, staff_user):
    invite(census_round, zen, token="zen-token")
    client.post(_url("zen-token"), _profile(zen, employees="9999"))
    answer = CensusResponse.objects.get()
    client.force_login(staff_user)
    url = reverse("members:census_response_review", args=[answer.pk])

    refused = client.post(url, {"action": "reject", "note": "  "})
    rejected = client.post(url, {"action": "reject", "note": "종사자 수 확인 필요"})

    assert refused.status_code == 200
    assert refused.context["form"].errors == {"note": ["검토 의견: 반려 사유를 입력해 주세요."]}
    assert rejected.status_code == 302
    zen.refresh_from_db()
    answer.refresh_from_db()
    assert (zen.employees, zen.last_confirmed_on) == (30, None)
    assert (answer.status, answer.review_note) == ("rejected", "종사자 수 확인 필요")
    entry = AuditEntry.objects.get(action="members.census.rejected")
    assert (entry.actor, entry.before, entry.after) == (
        staff_user,
        {"status": "pending", "review_note": ""},
        {"status": "rejected", "review_note": "종사자 수 확인 필요"},
    )
    again = client.post(url, {"action": "apply"})
    assert again.context["form"].non_field_errors() == ["이미 검토가 끝난 응답입니다."]


def test_second_submission_replaces_the_pending_one(client, zen, census_round):
    invite(census_round, zen, token="zen-token")

    client.post(_url("zen-token"), _profile(zen, employees="40"))
    client.post(_url("zen-token"), _profile(zen, employees="41"))

    assert list(CensusResponse.objects.values_list("status", "changes")) == [
        ("pending", {"employees": {"before": 30, "after": 41}})
    ]


def test_link_of_one_organisation_never_shows_or_changes_another(client, zen, census_round):
    other = OrganisationFactory(name="(주)다른회사", employees=7, description="다른 회사의 소개입니다.")
    invite(census_round, zen, token="zen-token")
    invite(census_round, other, token="other-token")

    page = client.get(_url("zen-token"))
    client.post(_url("zen-token"), {"action": "confirm"})

    html = page.content.decode()
    assert (page.context["organisation"], "다른회사" in html, "다른 회사의 소개" in html) == (zen, False, False)
    other.refresh_from_db()
    assert other.last_confirmed_on is None
    assert [answer.invitation.organisation_id for answer in CensusResponse.objects.all()] == [zen.pk]


def test_expired_link_is_gone_with_a_korean_page(client, zen, census_round):
    invite(census_round, zen, token="old-token", expires_at=timezone.now() - datetime.timedelta(minutes=1))

    page = client.get(_url("old-token"))
    post = client.post(_url("old-token"), {"action": "confirm"})

    assert (page.status_code, post.status_code) == (410, 410)
    assert "더 이상 사용할 수 없는 링크입니다" in page.content.decode()
    assert "주식회사 젠" not in page.content.decode()
    assert CensusResponse.objects.count() == 0


def test_link_of_a_closed_round_is_gone(client, zen, census_round):
    invite(census_round, zen, token="zen-token")
    census_round.closed_at = timezone.now()
    census_round.save()

    page = client.get(_url("zen-token"))

    assert page.status_code == 410


def test_unknown_link_is_not_found(client, zen, census_round):
    invite(census_round, zen, token="zen-token")

    page = client.get(_url("zen-tokeN"))

    assert page.status_code == 404
    assert "올바르지 않은 링크입니다" in page.content.decode()
    assert "주식회사 젠" not in page.content.decode()


def test_invalid_correction_shows_the_field_and_records_nothing(client, zen, census_round):
    invite(census_round, zen, token="zen-token")

    page = client.post(_url("zen-token"), _profile(zen, founded_year="1700"))

    year = timezone.localdate().year
    assert page.status_code == 200
    message = f"설립연도: 1800년부터 {year}년 사이의 연도를 입력해 주세요."
    assert page.context["form"].errors == {"founded_year": [message]}
    assert CensusResponse.objects.count() == 0


def test_unknown_seoul_district_shows_the_field_and_records_nothing(client, zen, census_round):
    invite(census_round, zen, token="zen-token")

    page = client.post(_url("zen-token"), _profile(zen, sido="서울", sigungu="강남"))

    # The message is the importer's (core.regions), outside the census catalogue these tests compile.
    with pytest.raises(RegionError) as expected:
        clean_sigungu("강남", "서울")
    assert page.status_code == 200
    assert page.context["form"].errors == {"sigungu": [expected.value.message]}
    assert CensusResponse.objects.count() == 0
