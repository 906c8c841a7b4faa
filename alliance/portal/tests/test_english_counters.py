"""Counters follow the page's language: an English page never shows a Korean counter after a number
("Browse all 1,156개사 member organisations"); a Korean page keeps them."""

import re

import pytest
from django.template import Context, Template
from django.utils import translation
from lxml import html as lxml_html

from alliance.core.tests import test_permission_matrix as matrix
from alliance.portal.tests.test_reachability import crawl

pytestmark = pytest.mark.django_db
world = matrix.world  # the matrix's fixture: two organisations, one user per role, and each app's objects

KOREAN_COUNTER = re.compile(r"\d(?:개사|개 그룹|개|명|건|행|일|백만원)")
# Text people typed in Korean, shown as typed whatever the page's language (the world's proposal team, an
# agency report's figures).
TYPED = ("개발 5명, 사업 2명", "12개 기관 참여")


def _english_text(html: str) -> str:
    """The page's text in its own language: without scripts and styles, the text in form fields (what people
    typed), parts marked lang="ko" (a document kept in Korean as it is sent: the steering committee's briefing),
    and TYPED."""
    if not html.strip():
        return ""  # an htmx fragment with nothing to show
    tree = lxml_html.fromstring(html)
    for element in tree.xpath('//script | //style | //textarea | //body//*[@lang="ko"]'):
        element.drop_tree()  # keeps the text after the element
    text = " ".join(tree.itertext())
    for typed in TYPED:
        text = text.replace(typed, "")
    return text


def render(text: str, **context) -> str:
    return Template("{% load korean %}" + text).render(Context(context))


def test_an_english_page_gives_the_number_alone_or_an_english_unit():
    source = '{{ n|count_with:"개사" }}|{{ d|count_with:"일" }}|{{ m|count_with:"백만원" }}'
    with translation.override("en"):
        assert render(source, n=1156, d=1, m=2500) == "1,156|1 day|2,500 million won"


def test_a_korean_page_keeps_its_counters():
    with translation.override("ko"):
        assert render('{{ n|count_with:"개사" }}|{{ d|count_with:"일" }}', n=1156, d=3) == "1,156개사|3일"


def test_the_english_home_page_names_the_member_count_in_english(client, settings, organisation):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    html = client.get("/").content.decode()

    assert re.search(r"Browse all [\d,]+ member organisations", html)


@pytest.mark.parametrize("role", ["anonymous", "staff"])
def test_no_english_page_a_role_reaches_shows_a_korean_counter(role, world, client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    if role != "anonymous":
        client.force_login(world["users"][role])
    found = {}

    def look(url, html):
        if hits := KOREAN_COUNTER.findall(_english_text(html)):
            found[url] = hits

    crawl(client, world["users"].get(role), look)

    assert found == {}
