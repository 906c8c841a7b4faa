import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from alliance.core.korean import business_number_with_check_digit, format_business_number
from alliance.core.models import AuditEntry
from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.members.models import BusinessField, Organisation
from alliance.members.services.registry import update_organisation
from alliance.members.tests.factories import ContactFactory, OrganisationFactory

STAFF_URLS = ("/members/registry/", "/members/registry/new/", "/members/organisations/{pk}/")


def ko(msgid: str, **params) -> str:
    """The Korean message the user sees (the msgid itself while the catalogue lacks it)."""
    with translation.override("ko"):
        text = translation.gettext(msgid)
    return text % params if params else text


def row_names(response) -> list[str]:
    return re.findall(r'<td><a href="/members/organisations/\d+/">([^<]*)</a></td>', response.content.decode())


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


@pytest.mark.parametrize("url", STAFF_URLS)
@pytest.mark.parametrize("role", [None, Role.MEMBER_REP, Role.STEERING, Role.EVALUATOR, Role.AGENCY])
def test_staff_pages_are_404_for_everyone_else(client, organisation, url, role):
    if role is not None:
        client.force_login(UserFactory(role=role, organisation=organisation))

    response = client.get(url.format(pk=organisation.pk))

    expected = 302 if role is None else 404  # anonymous visitors are sent to log in first
    assert response.status_code == expected


@pytest.mark.parametrize("url", STAFF_URLS)
def test_staff_pages_open_for_staff(staff_client, organisation, url):
    assert staff_client.get(url.format(pk=organisation.pk)).status_code == 200


@pytest.fixture
def registry_orgs(db):
    OrganisationFactory(name="주식회사 젠", field_names=["디지털트윈"])
    OrganisationFactory(
        name="탈퇴한회사",
        sido="부산",
        joined_on=datetime.date(2020, 1, 1),
        withdrawn_on=datetime.date(2025, 6, 30),
        withdrawal_reason="사업 종료",
    )
    OrganisationFactory(name="메타버스랩", category="large", sido="경기", sigungu="성남시")


def test_registry_lists_withdrawn_too(staff_client, registry_orgs):
    response = staff_client.get("/members/registry/")

    assert row_names(response) == ["메타버스랩", "주식회사 젠", "탈퇴한회사"]
    assert response.context["count"] == 3


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "current"}, ["메타버스랩", "주식회사 젠"]),
        ({"status": "withdrawn"}, ["탈퇴한회사"]),
        ({"category": "large"}, ["메타버스랩"]),
        ({"sido": "부산"}, ["탈퇴한회사"]),
        ({"q": "㈜젠"}, ["주식회사 젠"]),
        ({"q": "트윈", "status": "withdrawn"}, []),
    ],
)
def test_registry_filters(staff_client, registry_orgs, params, expected):
    assert row_names(staff_client.get("/members/registry/", params)) == expected


def test_registry_export_links_keep_filters(staff_client, registry_orgs):
    response = staff_client.get("/members/registry/", {"status": "withdrawn", "page": "1"})

    links = re.findall(r'href="(/members/registry/export/[^"]*)"', response.content.decode())
    assert links == ["/members/registry/export/xlsx?status=withdrawn", "/members/registry/export/csv?status=withdrawn"]


def _registry_queries(client) -> int:
    cache.clear()  # the same start each time: search token counts are cached
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/members/registry/", {"q": "회사"}).status_code == 200
    return len(captured)


def test_registry_query_count_constant_for_one_or_three_orgs(staff_client, db):
    OrganisationFactory(name="첫째회사", field_names=["AI"])
    one = _registry_queries(staff_client)
    OrganisationFactory(name="둘째회사", withdrawn_on=datetime.date(2025, 1, 1))
    OrganisationFactory(name="셋째회사", field_names=["XR", "VR"])
    three = _registry_queries(staff_client)

    assert one == three


def create_post(**overrides) -> dict:
    return {
        "name": "주식회사 새회사",
        "business_number": business_number_with_check_digit("123456789"),
        "category": "medium",
        "joined_on": "2026-03-02",
        "sido": "서울",
        "sigungu": "마포구",
        "field_names": ["메타버스", "AI"],
        "description": "<b>소개</b>",
    } | overrides


def test_staff_creates_organisation(staff_client, staff_user, db):
    for name in ("메타버스", "AI"):
        BusinessField.objects.create(name=name)
    response = staff_client.post("/members/registry/new/", create_post())

    organisation = Organisation.objects.get()
    assert response.status_code == 302
    assert response.url == f"/members/organisations/{organisation.pk}/"
    assert (organisation.name, organisation.name_key, organisation.joined_on) == (
        "주식회사 새회사",
        "새회사",
        datetime.date(2026, 3, 2),
    )
    assert sorted(organisation.fields.values_list("name", flat=True)) == ["AI", "메타버스"]
    assert AuditEntry.objects.get().action == "members.org.created"


def test_create_duplicate_name_variant_names_existing(staff_client, organisation):
    response = staff_client.post("/members/registry/new/", create_post(name="㈜젠"))

    assert response.status_code == 200
    assert response.context["form"].errors["name"] == [
        ko(
            "%(name)s is already registered as %(existing)s (the same name in another form).",
            name="㈜젠",
            existing="주식회사 젠",
        )
    ]
    assert Organisation.objects.count() == 1


def test_create_duplicate_business_number_names_existing(staff_client, organisation):
    number = organisation.business_number
    formatted = f"{number[:3]}-{number[3:5]}-{number[5:]}"

    response = staff_client.post("/members/registry/new/", create_post(business_number=formatted))

    assert response.context["form"].errors["business_number"] == [
        ko("This business registration number is already registered to %(existing)s.", existing="주식회사 젠")
    ]


def test_create_bad_check_digit_is_refused(staff_client, db):
    response = staff_client.post("/members/registry/new/", create_post(business_number="123-45-67890"))

    assert response.context["form"].errors["business_number"] == [
        ko("The business registration number must be 10 digits with a valid check digit (e.g. 123-45-67890).")
    ]
    assert Organisation.objects.count() == 0


def test_create_withdrawal_before_joining_is_refused(staff_client, db):
    response = staff_client.post("/members/registry/new/", create_post(withdrawn_on="2026-01-01"))

    assert response.context["form"].errors["withdrawn_on"] == [
        ko("The withdrawal date cannot be before the joining date.")
    ]


def test_detail_shows_contacts_and_history(staff_client, staff_user, organisation):
    ContactFactory(organisation=organisation, name="김담당", email="kim@zen.example.kr")
    update_organisation(actor=staff_user, organisation=organisation, data={"employees": 12})

    response = staff_client.get(f"/members/organisations/{organisation.pk}/")
    html = response.content.decode()

    assert [entry.action for entry in response.context["history"]] == ["members.org.updated", "members.org.created"]
    assert "kim@zen.example.kr" in html
    changes = re.findall(r"<dd><del>([^<]*)</del> → <ins>([^<]*)</ins></dd>", html)
    assert changes[0] == ("-", "12명")


def test_detail_history_shows_values_in_korean_conventions(staff_client, staff_user, organisation):
    number_before = format_business_number(organisation.business_number)
    update_organisation(
        actor=staff_user,
        organisation=organisation,
        data={
            "joined_on": datetime.date(2025, 10, 30),
            "revenue_million": 9258,
            "business_number": "2148606612",
            "founded_year": 2015,
        },
    )

    html = staff_client.get(f"/members/organisations/{organisation.pk}/").content.decode()

    # The newest entry's rows (PostgreSQL's JSON does not keep the order of keys, so compared as a mapping).
    newest = html.split('<dl class="changes">')[1].split("</dl>")[0]
    changes = re.findall(r"<dt>([^<]*)</dt><dd><del>([^<]*)</del> → <ins>([^<]*)</ins></dd>", newest)
    with translation.override("ko"):
        label = {
            name: str(Organisation._meta.get_field(name).verbose_name) for name in ("business_number", "joined_on")
        }
        label |= {
            name: str(Organisation._meta.get_field(name).verbose_name) for name in ("founded_year", "revenue_million")
        }
    assert {field: (old, new) for field, old, new in changes} == {
        label["business_number"]: (number_before, "214-86-06612"),
        label["joined_on"]: ("2024. 3. 1.", "2025. 10. 30."),
        label["founded_year"]: ("-", "2015"),
        label["revenue_million"]: ("-", "9,258백만원"),
    }


def test_detail_escapes_html_in_description(staff_client, db):
    staff_client.post("/members/registry/new/", create_post(field_names=[]))
    organisation = Organisation.objects.get()

    html = staff_client.get(f"/members/organisations/{organisation.pk}/").content.decode()

    assert "&lt;b&gt;소개&lt;/b&gt;" in html
    assert "<b>소개</b>" not in html
