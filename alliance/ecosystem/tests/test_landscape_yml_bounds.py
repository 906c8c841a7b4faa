"""landscape.yml with YAML aliases: repeated values are fine, a file that multiplies through them is refused
with the anchor's line before anything is built, stored or published."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.translation import gettext

from alliance.ecosystem.models import Player
from alliance.ecosystem.services.landscape_yml import LandscapeError, parse_landscape
from alliance.ecosystem.tests.factories import small_taxonomy

HEAD = """\
categories:
  - name: XR 기기
    subcategories:
      - name: HMD
        items:
          - name: 가상기기
"""


def laughs(levels: int) -> str:
    """The classic nested-alias list under one item's extra key: 9 ** levels strings from ~60 bytes a level."""
    lines = ['            l0: &l0 "lol"']
    for level in range(1, levels + 1):
        names = ",".join(f"*l{level - 1}" for _ in range(9))
        lines.append(f"            l{level}: &l{level} [{names}]")
    return HEAD + "            extra_bomb:\n" + "\n".join(lines) + "\n"


def multiplied(n: int) -> str:
    """The three-level multiplication: n categories of n subcategories of the same n items (n ** 3 items)."""
    items = "\n".join(f"      - name: 항목{i}" for i in range(n))
    subs = ", ".join("{name: 분류%d, items: *items}" % i for i in range(n))  # noqa: UP031  YAML braces
    cats = ", ".join("{name: 범주%d, subcategories: *subs}" % i for i in range(n))  # noqa: UP031
    return f"shared:\n  items: &items\n{items}\n  subs: &subs [{subs}]\ncategories: [{cats}]\n"


def refusal(line: int, count: str) -> str:
    return gettext(
        "Line %(line)s: the value anchored here is repeated by YAML aliases (*) so often that the file "
        "would expand to %(count)s values; at most %(limit)s repeated values are allowed."
    ) % {"line": line, "count": count, "limit": "10,000"}


def test_nested_alias_bomb_is_refused_with_the_anchor_line():
    text = laughs(8)
    assert len(text) < 1000

    with pytest.raises(LandscapeError) as refused:
        parse_landscape(text)

    assert refused.value.errors == [refusal(15, "54,481,032")]


def test_three_level_multiplication_is_refused():
    with pytest.raises(LandscapeError) as refused:
        parse_landscape(multiplied(50))

    assert refused.value.errors == [refusal(53, "395,659")]  # line 53: the shared subcategories


def test_recursive_alias_is_refused_with_line():
    text = HEAD + "            loop: &loop [1, *loop]\n"

    with pytest.raises(LandscapeError) as refused:
        parse_landscape(text)

    assert refused.value.errors == [
        gettext("Line %(line)s: a YAML alias (*) names a value that contains the alias itself.") % {"line": 7}
    ]


def test_ordinary_aliases_are_kept():
    text = HEAD + (
        "            links: &links {site: https://a.example}\n          - name: 헤드셋랩\n            links: *links\n"
    )

    landscape = parse_landscape(text)

    items = landscape.categories[0].subcategories[0].items
    assert [item.extra for item in items] == [{"links": {"site": "https://a.example"}}] * 2


@pytest.mark.django_db
def test_import_page_refuses_the_bomb_and_the_public_file_stays_as_it_was(client, staff_user):
    small_taxonomy()
    public_before = client.get(reverse("ecosystem:landscape_yml", args=[2026])).content
    client.force_login(staff_user)

    response = client.post(
        reverse("ecosystem:landscape_import", args=[2026]),
        {"file": SimpleUploadedFile("bomb.yml", laughs(6).encode(), content_type="application/yaml")},
    )

    assert response.context["errors"] == [refusal(13, "672,629")]
    assert Player.objects.count() == 0
    client.logout()
    assert client.get(reverse("ecosystem:landscape_yml", args=[2026])).content == public_before
