"""The statistics page in Chromium: the charts are drawn from the json_script data, with no CSP error."""

import pytest
from django.utils import timezone

from alliance.core.tests.factories import PASSWORD
from alliance.members.models import MemberCategory
from alliance.members.tests.factories import OrganisationFactory
from conftest import log_in

CHART_COUNTS = """() => Object.fromEntries(
  ["chart-category", "chart-sido", "chart-zones", "chart-sizes", "chart-ages"].map(
    (id) => [id, window.Chart.getChart(id).data.datasets[0].data.reduce((a, b) => a + b, 0)]
  )
)"""


@pytest.fixture
def three_members(db):
    OrganisationFactory(name="가온", category=MemberCategory.LARGE, employees=400, founded_year=2001)
    OrganisationFactory(name="나래", sido="경기", sigungu="성남시", employees=8, founded_year=2024)
    OrganisationFactory(name="다온", category=MemberCategory.UNIVERSITY, sigungu="마포구", employees=None)


@pytest.mark.browser
@pytest.mark.parametrize("viewport", ["page", "phone_page"])
def test_statistics_page_draws_every_chart_without_errors(request, live_server, staff_user, three_members, viewport):
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
    log_in(page, live_server, staff_user.email, PASSWORD)

    page.goto(f"{live_server.url}/members/statistics/?as_of={timezone.localdate().isoformat()}")
    page.wait_for_function("() => window.Chart && window.Chart.getChart('chart-ages')")

    # Three members: each chart's bars add up to 3, Seoul's doughnut to its 2 members.
    assert page.evaluate(CHART_COUNTS) == {
        "chart-category": 3,
        "chart-sido": 3,
        "chart-zones": 2,
        "chart-sizes": 3,
        "chart-ages": 3,
    }
    assert page.evaluate("document.documentElement.scrollWidth") == page.viewport_size["width"]
    assert problems == []
