"""Every page carries a `<meta name="description">` (search engines show it under the title; Lighthouse's SEO
audit counts it): the base template's Korean default, and each public page its own (docs/accessibility.md)."""

import re
from html import unescape

import pytest
from django.urls import reverse

from alliance.members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

DEFAULT = (
    "메타버스 얼라이언스는 가상융합산업 기업과 기관이 함께하는 민관 협의체입니다. "
    "회원사, 생태계맵, 사업과 소식을 한곳에서 봅니다."
)


def description(client, url: str) -> list[str]:
    html = client.get(url).content.decode()
    return [unescape(content) for content in re.findall(r'<meta name="description" content="([^"]*)">', html)]


def test_a_page_without_its_own_description_shows_the_default(client, staff_user):
    client.force_login(staff_user)

    assert description(client, reverse("core:audit_log")) == [DEFAULT]


def test_the_directory_describes_itself(client):
    assert description(client, reverse("members:directory")) == [
        "메타버스 얼라이언스 회원사를 기업명, 사업 분야, 지역, 회원 구분으로 검색하고 기업별 소개 페이지를 확인하세요."
    ]


def test_a_company_page_describes_the_company_by_its_own_words(client, organisation):
    assert description(client, reverse("members:company", args=[organisation.name])) == [
        "주식회사 젠: 메타버스 플랫폼을 개발합니다."
    ]


def test_a_company_page_without_a_description_names_the_company_and_its_category(client):
    company = OrganisationFactory(name="주식회사 가람", description="")

    expected = (
        f"주식회사 가람({company.get_category_display()})은 메타버스 얼라이언스 회원사입니다. "
        "지역, 설립연도, 사업 분야, 홈페이지를 확인하세요."
    )

    assert description(client, reverse("members:company", args=[company.name])) == [expected]
