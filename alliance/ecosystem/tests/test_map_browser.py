"""Browser tests in Debian's chromium: a visitor filters the map, opens a card and downloads the PNG."""

import pytest
from playwright.sync_api import expect

from alliance.ecosystem.models import Placement
from alliance.ecosystem.tests.factories import PlacementFactory, PlayerFactory, small_taxonomy

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def mapped():
    tree = small_taxonomy(2026)
    for name, node, region, revenue, technologies in (
        ("주식회사 젠", tree["xr"], "경기", 25_000, [tree["twin"]]),
        ("렌더랩", tree["software"], "서울", 500, [tree["rendering"]]),
        ("구름컴퓨팅", tree["cloud"], "부산", 3_000, [tree["twin"], tree["rendering"]]),
    ):
        PlacementFactory(
            player=PlayerFactory(name=name, region=region, revenue=revenue, description=f"{name} 소개"),
            taxonomy=tree["taxonomy"],
            primary=node,
            revenue=revenue,
            status=Placement.Status.CONFIRMED,
            technologies=technologies,
        )
    return tree


def _open_map(page, live_server):
    page.goto(f"{live_server.url}/ecosystem/2026/")
    page.wait_for_selector("body[data-landscape-ready]")
    expect(page.locator("#landscape a.t:visible")).to_have_count(3)


def test_visitor_filters_map_opens_card_and_downloads_png(page, live_server, mapped):
    _open_map(page, live_server)

    page.select_option("select[name=technology]", str(mapped["twin"].pk))
    expect(page.locator("#landscape a.t:visible")).to_have_text(
        ["주식회사 젠", "구름컴퓨팅"]
    )  # box order: 하드웨어, then 클라우드
    assert page.url == f"{live_server.url}/ecosystem/2026/?technology={mapped['twin'].pk}"
    # The count keeps the sentence of the page's language (Korean names the total first).
    expect(page.locator("#eco-count")).to_have_text("3개사 중 2개사 표시")
    # Under the technology filter only 경기 and 부산 still give players; 서울 is hidden.
    region_options = page.locator("select[name=region] option:not([hidden])")
    expect(region_options).to_have_count(3)  # "all", 경기, 부산

    page.click("#landscape a.t:has-text('주식회사 젠')")
    expect(page.locator("#eco-card .eco-card-name")).to_have_text("주식회사 젠")
    expect(page.locator("#eco-card .eco-path")).to_have_text("핵심산업 영역 › 기반 부문 › 하드웨어 › XR 디바이스")
    page.click("#eco-card .eco-close")

    with page.expect_download() as download_info:
        page.click("button[data-png-from]")
    content = open(download_info.value.path(), "rb").read()  # noqa: PTH123, SIM115

    assert download_info.value.suggested_filename == "ecosystem-2026.png"
    assert content[:8] == PNG_SIGNATURE
    assert len(content) > 10_000


def test_visitor_searches_map_at_phone_width(phone_page, live_server, mapped):
    _open_map(phone_page, live_server)

    phone_page.fill("#eco-q", "(주)젠")
    expect(phone_page.locator("#landscape a.t:visible")).to_have_text(["주식회사 젠"])

    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    assert phone_page.url == f"{live_server.url}/ecosystem/2026/?q=%28%EC%A3%BC%29%EC%A0%A0"
