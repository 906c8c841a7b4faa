"""One rule for company figures (core/figures.py): exact revenue and employees for staff and for the company
itself, bands for everyone else — on every public page, export, image and API of the ecosystem map and the
member directory. The test builds a world with one company of a distinctive revenue (987,654 백만원) and
employee count (4,321), crawls every public page as an anonymous visitor and as another member's
representative, and fails when an exact figure appears anywhere; like the contacts rule, staff and the
company's own representative do see them."""

import io
import re
import zipfile

import pytest
from django.template.loader import render_to_string
from django.urls import get_resolver, reverse

from alliance.core.permissions import PUBLIC
from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.core.tests.test_permission_matrix import walk
from alliance.ecosystem.exports.poster_layout import layout_poster
from alliance.ecosystem.models import Placement
from alliance.ecosystem.services.snapshots import freeze_snapshot
from alliance.ecosystem.services.taxonomy import copy_taxonomy
from alliance.ecosystem.tests.factories import PlacementFactory, PlayerFactory, small_taxonomy
from alliance.ecosystem.views.map import year_landscape
from alliance.members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
CONFIRMED = Placement.Status.CONFIRMED

# The exact figures, 2026 and 2025, as any page might write them: plain, grouped, in 억/조 or billions.
EXACT = [
    "987,654", "987654", "9,876.5억", "9876.5억", "987.7 billion", "4,321", "4321",
    "876,543", "876543", "8,765.4억", "876.5 billion", "3,210", "3210",
]  # fmt: skip

# Every public URL of the two apps, with its arguments in this world; a new public URL must be added here.
PUBLIC_URLS = {
    "ecosystem:latest": [()],
    "ecosystem:landscape": [(2025,), (2026,)],
    "ecosystem:landscape_search": [(2025,), (2026,)],
    "ecosystem:player_card": [(2025, "player"), (2026, "player")],
    "ecosystem:chart": [(2025,), (2026,)],
    "ecosystem:statistics": [(2025,), (2026,)],
    "ecosystem:statistics_xlsx": [(2025,), (2026,)],
    "ecosystem:landscape_svg": [(2026,)],
    "ecosystem:chart_svg": [(2025,), (2026,)],
    "ecosystem:poster": [],  # a PDF: its source (the poster's HTML) is checked below
    "ecosystem:embed": [(2026, "category")],
    "ecosystem:embed_code": [(2026, "category")],
    "ecosystem:logo_file": [],  # image files of logos: no figures
    "ecosystem:score_formula": [()],
    "ecosystem:snapshots": [()],
    "ecosystem:snapshot_compare": [()],
    "ecosystem:snapshot": [("2025",)],
    "ecosystem:snapshot_api_index": [()],
    "ecosystem:snapshot_api": [("2025",)],
    "ecosystem:landscape_yml": [(2025,), (2026,)],
    "members:directory": [()],
    "members:directory_export": [("csv",), ("xlsx",)],
    "members:company": [("company",)],
    "members:logo_file": [],  # image files of logos
}
QUERIES = {
    "ecosystem:chart": ["", "?category={category}"],
    "ecosystem:snapshot_compare": ["", "?a=2025&b=live-2026", "?a=2025&b=2026"],
    "members:directory": ["", "?q=젠"],
}


@pytest.fixture
def world(staff_user):
    """A member company with distinctive exact figures on the published 2025 map and the live 2026 map, beside
    a second company in every category (so that no category sum equals one company's figure)."""
    organisation = OrganisationFactory(name="주식회사 비밀수치", revenue_million=987_654, employees=4_321)
    tree = small_taxonomy(2025)
    player = PlayerFactory(name="주식회사 비밀수치", organisation=organisation, revenue=876_543, employees=3_210)
    PlacementFactory(player=player, primary=tree["xr"], status=CONFIRMED)
    for node in (tree["xr"], tree["sensor"], tree["cloud"], tree["software"]):
        PlacementFactory(player=PlayerFactory(revenue=1_500, employees=20), primary=node, status=CONFIRMED)
    freeze_snapshot(actor=staff_user, year=2025)
    newer = copy_taxonomy(actor=staff_user, source=tree["taxonomy"], year=2026, with_placements=True)
    Placement.objects.filter(taxonomy=newer).update(status=CONFIRMED)
    Placement.objects.filter(taxonomy=newer, player=player).update(revenue=987_654, employees=4_321)
    category = newer.nodes.get(name="하드웨어")
    return {"organisation": organisation, "player": player, "category": category}


def _args(args, world) -> list:
    names = {"player": world["player"].pk, "category": world["category"].pk, "company": world["organisation"].name}
    return [names.get(arg, arg) for arg in args]


def _text(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content.startswith(b"PK"):  # XLSX: every part of the package
        with zipfile.ZipFile(io.BytesIO(content)) as package:
            return "\n".join(package.read(name).decode("utf-8", "replace") for name in package.namelist())
    return content.decode("utf-8", "replace")


def _crawl(client, world) -> dict[str, str]:
    pages = {}
    for name, arg_lists in PUBLIC_URLS.items():
        for args in arg_lists:
            for query in QUERIES.get(name, [""]):
                if "{category}" in query and args != (2026,):
                    continue  # the category is on the 2026 map
                url = reverse(name, args=_args(args, world)) + query.format(category=world["category"].pk)
                response = client.get(url, follow=True)
                assert response.status_code == 200, url
                pages[url] = _text(response)
    return pages


def _leaks(pages: dict[str, str]) -> list[tuple[str, str]]:
    return [(url, figure) for url, text in pages.items() for figure in EXACT if figure in text]


def test_every_public_url_is_crawled():
    public = {
        name
        for name, _route, _parameters, view in walk(get_resolver().url_patterns)
        if name.startswith(("ecosystem:", "members:")) and getattr(view, "required_permission", None) == PUBLIC
    }

    assert sorted(public - set(PUBLIC_URLS)) == []


@pytest.mark.parametrize("visitor", ["anonymous", "other representative"])
def test_no_exact_figure_on_any_public_page_export_or_api(client, world, visitor):
    if visitor == "other representative":
        other = OrganisationFactory(name="주식회사 다른회원")
        client.force_login(UserFactory(role=Role.MEMBER_REP, organisation=other))

    pages = _crawl(client, world)
    landscape = year_landscape(2026)
    pages["poster.html"] = render_to_string(
        "ecosystem/exports/poster.html", {"landscape": landscape, "layout": layout_poster(landscape), "year": 2026}
    )

    assert _leaks(pages) == []
    assert re.search(r"10억~100억원|1,000억원 이상", pages[reverse("ecosystem:chart", args=[2026])])


@pytest.mark.parametrize("viewer", ["staff", "own representative"])
def test_staff_and_the_company_itself_see_its_exact_figures(client, world, staff_user, viewer):
    user = staff_user if viewer == "staff" else UserFactory(role=Role.MEMBER_REP, organisation=world["organisation"])
    client.force_login(user)

    chart = client.get(reverse("ecosystem:chart", args=[2026])).content.decode()
    company = client.get(reverse("members:company", args=[world["organisation"].name])).content.decode()
    compare = client.get(reverse("ecosystem:snapshot_compare") + "?a=2025&b=live-2026").content.decode()

    assert ("987,654" in chart, "4,321" in chart) == (True, True)
    assert ("987,654" in company, "4,321" in company) == (True, True)
    assert ("876,543" in compare, "987,654" in compare) == (True, True)
