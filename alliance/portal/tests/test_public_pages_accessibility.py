"""Every public page, in Chromium at phone and desktop width, has no violation that axe-core finds (WCAG 2.0,
2.1 and 2.2 A and AA rules and axe's best practices; docs/accessibility.md maps them to KWCAG 2.2's checks), does
not scroll sideways, and its first Tab stop is the skip link to the main content.

axe-core comes from the pinned `axe-playwright-python` (its bundled axe.min.js, injected into the page).
`make bench` (bench/lighthouse.py) measures the same pages with Lighthouse on the production stack."""

import datetime
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings

from alliance.ecosystem.models import Placement
from alliance.ecosystem.services.snapshots import freeze_snapshot
from alliance.ecosystem.tests.factories import PlacementFactory, PlayerFactory, small_taxonomy
from alliance.info.tests.factories_archive import ReportFactory, ReportFileFactory
from alliance.info.tests.factories_newsletter import EditionFactory, EditionItemFactory
from alliance.members.tests.factories import OrganisationFactory
from alliance.programs.tests.factories import ProgrammeFactory

# The rules run: WCAG A/AA of every version up to 2.2 (target size included) and axe's best practices
# (landmarks, one main, heading order, one h1, …).
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}
# Pages whose templates skip htmx (base.html's block "htmx" left empty): they must not use it.
HX_ATTRIBUTE = re.compile(r"\shx-[a-z-]+=")


@pytest.fixture
def public_pages(db, staff_user) -> dict[str, str]:
    """A small site with one record of each kind; the public pages' addresses by name."""
    company = OrganisationFactory(name="주식회사 접근성")
    tree = small_taxonomy(2026)
    for name, node in [("가람XR", "xr"), ("구름소프트", "cloud"), ("배움에듀", "education")]:
        PlacementFactory(
            player=PlayerFactory(name=name, revenue=2_000, employees=20, founded_year=2020),
            taxonomy=tree["taxonomy"],
            primary=tree[node],
            revenue=2_000,
            employees=20,
            status=Placement.Status.CONFIRMED,
        )
    snapshot = freeze_snapshot(actor=staff_user, year=2026)
    ProgrammeFactory(year=2026)
    report = ReportFactory(title="메타버스 산업 동향", summary="가상융합 산업의 동향을 정리한 보고서입니다.")
    ReportFileFactory(report=report, original_name="메타버스 산업 동향.pdf")
    edition = EditionFactory(publishing_date=datetime.date(2026, 11, 16), state="sent")
    EditionItemFactory(edition=edition, title="XR 기기 확산 부문 올레도스 한중 각축전")
    return {
        "home": "/",
        "directory": "/member_companies",
        "company": f"/member_companies/{company.name}",
        "map": "/ecosystem/2026/",
        "chart": "/ecosystem/2026/chart/",
        "statistics": "/ecosystem/2026/statistics/",
        "snapshots": "/ecosystem/snapshots/",
        "snapshot": f"/ecosystem/snapshots/{snapshot.slug}/",
        "results": "/programs/2026/results/",
        "reports": "/metabus_trends_reports",
        "report": f"/metabus_trends_reports/{report.pk}",
        "newsletter": "/newsletter",
        "edition": "/newsletter/2026-11-16",
        "subscribe": "/newsletter/subscribe",
        "login": "/accounts/login/",
        "privacy": "/privacy/",
    }


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("viewport", ["phone_page", "page"])
def test_every_public_page_has_no_axe_violation(request, live_server, public_pages, viewport):
    page, axe = request.getfixturevalue(viewport), Axe()
    page.set_default_navigation_timeout(30_000)  # sixteen pages, the first ones built cold on a busy machine
    found = {}
    for name, path in public_pages.items():
        response = page.goto(live_server.url + path)
        assert (name, response.status) == (name, 200)
        violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
        found[name] = [f"{rule['id']}: {[node['target'] for node in rule['nodes'][:3]]}" for rule in violations]
        if page.evaluate("document.documentElement.scrollWidth") > page.viewport_size["width"]:
            found[name].append("scrolls sideways")
        if page.evaluate("document.activeElement === document.body"):  # else a field has autofocus (login)
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.getAttribute('href')") != "#main":
                found[name].append("the first Tab stop is not the skip link")
    assert found == {name: [] for name in public_pages}


def test_pages_without_htmx_use_none_of_its_attributes():
    opted_out = []
    for template in sorted(Path(settings.BASE_DIR, "alliance").rglob("templates/**/*.html")):
        text = template.read_text(encoding="utf-8")
        if "{% block htmx %}{% endblock %}" in text:
            opted_out.append(template.name)
            assert HX_ATTRIBUTE.search(text) is None, template
    assert len(opted_out) >= 10  # the public pages that need no htmx (a test that can fail if the block is renamed)
