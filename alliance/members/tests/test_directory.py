import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from alliance.members.models import MemberCategory
from alliance.members.tests.factories import ContactFactory, OrganisationFactory

DIRECTORY = "/member_companies"


def card_names(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r'<h2><a href="[^"]*">([^<]*)</a></h2>', html)


@pytest.fixture
def companies(db):
    return {
        "zen": OrganisationFactory(name="주식회사 젠", field_names=["디지털트윈"], sido="서울"),
        "meta": OrganisationFactory(
            name="메타버스랩 주식회사",
            field_names=["XR 콘텐츠"],
            sido="경기",
            sigungu="성남시",
            category=MemberCategory.MEDIUM,
        ),
        "cloud": OrganisationFactory(
            name="(주)한빛소프트웨어", field_names=["클라우드"], sido="부산", sigungu="해운대구"
        ),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("트윈", ["주식회사 젠"]),
        ("디지털 트윈", ["주식회사 젠"]),
        ("메타", ["메타버스랩 주식회사"]),
        ("㈜젠", ["주식회사 젠"]),
        ("(주)젠", ["주식회사 젠"]),
        ("젠 주식회사", ["주식회사 젠"]),
        ("젠", ["주식회사 젠"]),
        ("", ["메타버스랩 주식회사", "주식회사 젠", "(주)한빛소프트웨어"]),
    ],
)
def test_directory_search_korean_finds_expected_names(client, companies, query, expected):
    response = client.get(DIRECTORY, {"q": query})

    assert response.status_code == 200
    assert card_names(response) == expected


def test_directory_count_shows_number_of_results(client, companies):
    response = client.get(DIRECTORY, {"q": "소프트"})

    assert response.context["count"] == 1
    assert re.search(r'<p class="result-count">[^<]*1개사</p>', response.content.decode())


def test_directory_filters_by_category_region_and_field(client, companies):
    by_category = client.get(DIRECTORY, {"category": "medium"})
    by_region = client.get(DIRECTORY, {"sido": "부산"})
    by_field = client.get(DIRECTORY, {"field": "디지털트윈"})
    combined = client.get(DIRECTORY, {"sido": "서울", "q": "메타"})

    assert card_names(by_category) == ["메타버스랩 주식회사"]
    assert card_names(by_region) == ["(주)한빛소프트웨어"]
    assert card_names(by_field) == ["주식회사 젠"]
    assert card_names(combined) == []


def test_directory_invalid_filter_is_ignored(client, companies):
    response = client.get(DIRECTORY, {"sido": "화성", "category": "huge"})

    assert len(card_names(response)) == 3


def test_directory_hides_withdrawn_and_future_members(client, db):
    OrganisationFactory(name="현재회원", joined_on=datetime.date(2020, 1, 1))
    OrganisationFactory(name="탈퇴회원", joined_on=datetime.date(2020, 1, 1), withdrawn_on=timezone.localdate())
    OrganisationFactory(name="가입예정", joined_on=timezone.localdate() + datetime.timedelta(days=1))

    response = client.get(DIRECTORY)

    assert card_names(response) == ["현재회원"]


def test_directory_empty_result_shows_message(client, companies):
    response = client.get(DIRECTORY, {"q": "없는회사이름"})

    assert card_names(response) == []
    assert response.context["count"] == 0
    assert 'class="card empty-result"' in response.content.decode()


def test_directory_paging_keeps_filters(client, db, settings):
    settings.DIRECTORY_PAGE_SIZE = 2
    for index in range(5):
        OrganisationFactory(name=f"트윈회사{index}", field_names=["디지털트윈"], sido="서울")
    OrganisationFactory(name="부산트윈", field_names=["디지털트윈"], sido="부산")

    first = client.get(DIRECTORY, {"q": "트윈", "sido": "서울"})
    third = client.get(DIRECTORY, {"q": "트윈", "sido": "서울", "page": "3"})

    assert card_names(first) == ["트윈회사0", "트윈회사1"]
    assert card_names(third) == ["트윈회사4"]
    next_links = re.findall(r'<a href="([^"]*)" rel="next">', first.content.decode())
    assert next_links == ["?q=%ED%8A%B8%EC%9C%88&amp;sido=%EC%84%9C%EC%9A%B8&amp;page=2"]


def test_directory_export_links_keep_filters(client, companies):
    response = client.get(DIRECTORY, {"q": "젠", "category": "small", "page": "1"})

    links = re.findall(r'href="(/member_companies/export/[^"]*)"', response.content.decode())
    assert links == [
        "/member_companies/export/xlsx?q=%EC%A0%A0&amp;category=small",
        "/member_companies/export/csv?q=%EC%A0%A0&amp;category=small",
    ]


def test_directory_never_shows_contacts_or_business_numbers(client, organisation):
    contact = ContactFactory(organisation=organisation, name="김비공개", email="secret.person@zen.example.kr")

    response = client.get(DIRECTORY)
    html = response.content.decode()

    assert card_names(response) == ["주식회사 젠"]
    assert contact.email not in html
    assert contact.name not in html
    assert organisation.business_number not in html


def test_directory_htmx_request_renders_results_only(client, companies):
    response = client.get(DIRECTORY, {"q": "트윈"}, headers={"HX-Request": "true"})
    html = response.content.decode()

    assert html.lstrip().startswith('<section id="directory-results"')
    assert card_names(response) == ["주식회사 젠"]


def test_directory_card_shows_region_fields_and_confirmation_date(client, db):
    OrganisationFactory(
        name="주식회사 젠",
        field_names=["디지털트윈", "메타버스"],
        sido="서울",
        sigungu="강남구",
        last_confirmed_on=datetime.date(2026, 3, 2),
    )

    html = client.get(DIRECTORY).content.decode()
    card = re.search(r'<li class="card company-card">(.*?)</li>', html, re.S).group(1)

    assert re.findall(r'<span class="tag">([^<]*)</span>', card) == ["디지털트윈", "메타버스"]
    assert re.search(r'company-meta">([^<]*)</p>', card).group(1).endswith(" · 서울특별시 강남구")
    assert re.search(r'class="muted confirmed">([^<]*)</p>', card).group(1).endswith("2026. 3. 2.")


def _directory_queries(client, query=None) -> int:
    cache.clear()  # the same start each time: search token counts are cached
    with CaptureQueriesContext(connection) as captured:
        response = client.get(DIRECTORY, {"q": query} if query else {})
    assert response.status_code == 200
    return len(captured)


def test_directory_query_count_constant_for_one_or_three_orgs(client, db):
    OrganisationFactory(name="트윈하나", field_names=["디지털트윈", "AI"])
    one = (_directory_queries(client), _directory_queries(client, "트윈"))
    OrganisationFactory(name="트윈둘", field_names=["디지털트윈", "XR"])
    OrganisationFactory(name="트윈셋", field_names=["디지털트윈", "VR", "AR"])
    three = (_directory_queries(client), _directory_queries(client, "트윈"))

    assert one == three


def test_directory_url_reverses_to_member_companies():
    assert reverse("members:directory") == DIRECTORY


def test_directory_varies_on_htmx_header(client, db):
    response = client.get(DIRECTORY)

    assert "HX-Request" in [value.strip() for value in response["Vary"].split(",")]


def test_directory_filtered_count_stops_at_cap(client, companies, monkeypatch):
    monkeypatch.setattr("alliance.members.queries.DIRECTORY_COUNT_CAP", 1)

    response = client.get(DIRECTORY, {"category": MemberCategory.SMALL})

    assert (response.context["count"], response.context["capped"]) == (1, True)
    assert len(card_names(response)) == 1


def test_directory_unfiltered_count_exact_beyond_cap(client, companies, monkeypatch):
    OrganisationFactory(name="탈퇴회사", joined_on=datetime.date(2020, 1, 1), withdrawn_on=datetime.date(2024, 1, 1))
    monkeypatch.setattr("alliance.members.queries.DIRECTORY_COUNT_CAP", 2)

    response = client.get(DIRECTORY)

    assert (response.context["count"], response.context["capped"]) == (3, False)
    assert len(card_names(response)) == 3


def test_directory_search_with_only_common_tokens_still_exact(client, companies, monkeypatch):
    monkeypatch.setattr("alliance.members.search.TOKEN_COUNT_CAP", 1)

    assert card_names(client.get(DIRECTORY, {"q": "디지털 트윈"})) == ["주식회사 젠"]
    assert card_names(client.get(DIRECTORY, {"q": "메타버스"})) == ["메타버스랩 주식회사"]


def test_home_links_directory_with_member_count(client, companies, monkeypatch):
    OrganisationFactory(name="탈퇴회사", joined_on=datetime.date(2020, 1, 1), withdrawn_on=datetime.date(2024, 1, 1))
    monkeypatch.setattr("alliance.members.queries.DIRECTORY_COUNT_CAP", 2)

    html = client.get("/").content.decode()

    links = re.findall(r'<p class="home-members"><a href="/member_companies">([^<]*)</a></p>', html)
    with translation.override("ko"):
        expected = translation.gettext("Browse all %(total)s member organisations") % {"total": "3개사"}
    assert links == [expected]


@pytest.mark.parametrize("day", ["2023-12-31", "2024-01-01", "2024-06-30", "2025-01-01", "2026-12-31"])
def test_member_count_equals_the_membership_condition_on_any_day(db, day):
    from alliance.members.membership import current_members, member_count

    spans = [("2020-01-01", None), ("2024-01-01", None), ("2021-05-05", "2024-01-01"), ("2025-01-01", None),
             ("2022-03-03", "2024-06-30"), ("2024-06-30", "2026-12-31")]  # fmt: skip
    for index, (joined, withdrawn) in enumerate(spans):
        OrganisationFactory(
            name=f"기업{index}",
            joined_on=datetime.date.fromisoformat(joined),
            withdrawn_on=datetime.date.fromisoformat(withdrawn) if withdrawn else None,
        )
    on = datetime.date.fromisoformat(day)

    assert member_count(on) == current_members(on).count()
