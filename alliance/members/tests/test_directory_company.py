import datetime
import re
from urllib.parse import quote

import pytest

from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.members.tests.factories import ContactFactory, OrganisationFactory

CANONICAL = "/member_companies/" + quote("주식회사 젠")


def test_company_page_by_exact_name(client, organisation):
    response = client.get(CANONICAL)

    assert response.status_code == 200
    assert response.context["organisation"] == organisation
    assert re.search(r"<h1>([^<]*)</h1>", response.content.decode()).group(1) == "주식회사 젠"


@pytest.mark.parametrize("variant", ["주식회사젠", "(주)젠", "㈜젠", "젠 주식회사", "젠"])
def test_company_page_variant_redirects_permanently_to_canonical(client, organisation, variant):
    response = client.get("/member_companies/" + quote(variant))

    assert response.status_code == 301
    assert response.url == CANONICAL


def test_company_page_withdrawn_is_404_page(client, db):
    OrganisationFactory(name="탈퇴한회사", joined_on=datetime.date(2020, 1, 1), withdrawn_on=datetime.date(2025, 1, 1))

    response = client.get("/member_companies/" + quote("탈퇴한회사"))

    assert response.status_code == 404
    assert response.templates[0].name == "members/directory/not_found.html"


def test_company_page_unknown_is_404(client, db):
    assert client.get("/member_companies/" + quote("없는회사")).status_code == 404


def test_company_page_shows_facts_escaped_and_no_contacts(client, db):
    organisation = OrganisationFactory(
        name="주식회사 젠",
        name_en="Zen Inc.",
        founded_year=2015,
        employees=1200,
        revenue_million=35000,
        homepage="https://zen.example.kr",
        description="<script>alert(1)</script>\n둘째 줄",
        sido="서울",
        sigungu="강남구",
        last_confirmed_on=datetime.date(2026, 3, 2),
        field_names=["디지털트윈"],
    )
    contact = ContactFactory(organisation=organisation, name="김비공개", email="hidden@zen.example.kr")

    html = client.get(CANONICAL).content.decode()
    facts = dict(re.findall(r"<dt>([^<]*)</dt><dd>(.*?)</dd>", html))

    assert list(facts.values()) == [
        "서울특별시 강남구",
        "2015",
        "300인 이상",  # the public sees bands (core/figures.py)
        "100억~1,000억원",
        '<span class="tag">디지털트윈</span>',
        '<a href="https://zen.example.kr" rel="noopener nofollow" target="_blank">https://zen.example.kr</a>',
        "2026. 3. 2.",
    ]
    assert "<p>&lt;script&gt;alert(1)&lt;/script&gt;<br>둘째 줄</p>" in html
    assert contact.email not in html
    assert contact.name not in html
    assert organisation.business_number not in html


def _edit_links(response) -> list[str]:
    return re.findall(r'href="(/members/organisations/\d+/edit/)"', response.content.decode())


def test_company_page_edit_link_only_for_those_who_may_edit(client, organisation, member_rep):
    other_rep = UserFactory(role=Role.MEMBER_REP, organisation=OrganisationFactory(name="다른회사"))

    anonymous = _edit_links(client.get(CANONICAL))
    client.force_login(other_rep)
    other = _edit_links(client.get(CANONICAL))
    client.force_login(member_rep)
    own = _edit_links(client.get(CANONICAL))

    assert (anonymous, other, own) == ([], [], [f"/members/organisations/{organisation.pk}/edit/"])


def test_company_page_name_with_slash_uses_name_key(client, db):
    OrganisationFactory(name="에이/비 주식회사")

    direct = client.get("/member_companies/" + quote("에이비"))
    listed = re.findall(r'<h2><a href="([^"]*)">', client.get("/member_companies").content.decode())

    assert direct.status_code == 200
    assert listed == ["/member_companies/" + quote("에이비")]
