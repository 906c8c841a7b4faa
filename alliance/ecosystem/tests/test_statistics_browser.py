"""The ecosystem statistics page in Chromium: its charts are drawn from the json_script data (each when it comes
near the screen) with no CSP or script error, a withheld category total has no bar, and the page does not scroll
sideways on a phone."""

import pytest

from alliance.ecosystem.models import Placement
from alliance.ecosystem.tests.factories import PlacementFactory, PlayerFactory, small_taxonomy

CHART_IDS = ["chart-categories", "chart-revenue", "chart-sizes", "chart-ages", "chart-years"]
CHARTS = """() => Object.fromEntries(
  ["chart-categories", "chart-revenue", "chart-sizes", "chart-ages", "chart-years"].map(
    (id) => [id, window.Chart.getChart(id).data.datasets[0].data]
  )
)"""


@pytest.fixture
def map_2026(db):
    tree = small_taxonomy(2026)
    for name, node, revenue, employees in [
        ("외톨이기업", "xr", 777_001, 4_321),
        ("구름0", "cloud", 2_000, 20),
        ("구름1", "cloud", 2_000, 20),
        ("구름2", "cloud", 2_000, 20),
    ]:
        PlacementFactory(
            player=PlayerFactory(name=name, revenue=revenue, employees=employees, founded_year=2020),
            taxonomy=tree["taxonomy"],
            primary=tree[node],
            revenue=revenue,
            employees=employees,
            status=Placement.Status.CONFIRMED,
        )
    return tree


@pytest.mark.browser
@pytest.mark.parametrize("viewport", ["page", "phone_page"])
def test_statistics_page_draws_its_charts_without_errors(request, live_server, map_2026, viewport):
    page = request.getfixturevalue(viewport)
    problems = []
    page.on(
        "console",
        lambda message: (
            problems.append(message.text)
            if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico")
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(str(error)))

    page.goto(f"{live_server.url}/ecosystem/2026/statistics/")
    page.wait_for_function("() => window.Chart && window.Chart.getChart('chart-categories')")
    assert page.evaluate("() => window.Chart.getChart('chart-years')") is None  # far below: not drawn yet
    for chart in CHART_IDS:
        page.locator(f"#{chart}").scroll_into_view_if_needed()
        page.wait_for_function(f"() => window.Chart.getChart('{chart}')")

    charts = page.evaluate(CHARTS)
    assert charts["chart-categories"] == [1, 0, 3, 0]  # 하드웨어, 소프트웨어, 클라우드, 교육
    assert charts["chart-revenue"] == [None, None, 60, None]  # 외톨이기업's total withheld: no bar
    assert sum(charts["chart-sizes"]) == 4
    assert sum(charts["chart-ages"]) == 4
    assert charts["chart-years"] == [4]
    assert page.evaluate("document.documentElement.scrollWidth") == page.viewport_size["width"]
    assert problems == []
