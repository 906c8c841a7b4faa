"""The ecosystem statistics' totals of company figures (core/figures.py, "Totals"): the public sees a category's
revenue or employee total only over at least ALLIANCE_MIN_COMPANIES_FOR_TOTALS reporting companies (and not
when the layer's subtotal would give it back), on the page, its XLSX and its chart data; staff see every total.
Also: the page's XLSX download and charts."""

import io
import json
import re

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from alliance.core.figures import shown_total, withheld_parts
from alliance.ecosystem.models import Placement
from alliance.ecosystem.tests.factories import PlacementFactory, PlayerFactory, small_taxonomy

pytestmark = pytest.mark.django_db
WITHHELD = "3개사 미만 비공개"


def _place(tree, node, name, revenue, employees):
    player = PlayerFactory(name=name, revenue=revenue, employees=employees)
    PlacementFactory(
        player=player,
        taxonomy=tree["taxonomy"],
        primary=node,
        revenue=revenue,
        employees=employees,
        status=Placement.Status.CONFIRMED,
    )


@pytest.fixture
def tree():
    """기반 부문: 하드웨어 with one company (777,001 백만원, 4,321명), 소프트웨어 with four; 인프라: 클라우드 with
    three; 전방연관 영역 › 1차: 교육 with none."""
    tree = small_taxonomy(2026)
    _place(tree, tree["xr"], "외톨이기업", 777_001, 4_321)
    for index in range(4):
        _place(tree, tree["software"], f"소프트{index}", 1_000, 10)
    for index in range(3):
        _place(tree, tree["cloud"], f"구름{index}", 2_000, 20)
    return tree


def _cells(html: str, label: str) -> list[str]:
    row = re.search(rf"<tr class=\"\w+\"><td>{re.escape(label)}</td>(.*?)</tr>", html, re.S).group(1)
    return re.findall(r"<td class=\"num[^\"]*\">(.*?)</td>", row)


def test_public_category_totals_need_three_companies_and_hide_what_the_subtotal_gives_away(client, tree):
    html = client.get(reverse("ecosystem:statistics", args=[2026])).content.decode()

    assert _cells(html, "하드웨어") == ["1", WITHHELD, WITHHELD]  # one company: its own figures
    assert _cells(html, "소프트웨어") == ["4", WITHHELD, WITHHELD]  # subtotal − 소프트웨어 = 하드웨어
    assert _cells(html, "핵심산업 영역 › 기반 부문") == ["5", "7,810억원", "4,361명"]
    assert _cells(html, "클라우드") == ["3", "60억원", "60명"]
    assert _cells(html, "총합") == ["8", "7,870억원", "4,421명"]
    assert [figure for figure in ("777,001", "7,770억", "4,321") if figure in html] == []


def test_staff_see_every_total(client, tree, staff_user):
    client.force_login(staff_user)

    html = client.get(reverse("ecosystem:statistics", args=[2026])).content.decode()

    assert _cells(html, "하드웨어") == ["1", "7,770억원", "4,321명"]
    assert _cells(html, "소프트웨어") == ["4", "40억원", "40명"]
    assert WITHHELD not in html


def test_the_minimum_is_a_setting(client, tree, settings):
    settings.ALLIANCE_MIN_COMPANIES_FOR_TOTALS = 5

    html = client.get(reverse("ecosystem:statistics", args=[2026])).content.decode()

    assert _cells(html, "클라우드") == ["3", "5개사 미만 비공개", "5개사 미만 비공개"]
    assert _cells(html, "핵심산업 영역 › 기반 부문") == ["5", "7,810억원", "4,361명"]


def test_the_total_is_withheld_when_the_hidden_layers_together_are_too_few(client, settings):
    tree = small_taxonomy(2026)
    for index in range(3):
        _place(tree, tree["software"], f"소프트{index}", 1_000, 10)
    _place(tree, tree["cloud"], "외톨이구름", 555_001, 321)  # alone in its layer: total − 기반 부문 = its figure

    html = client.get(reverse("ecosystem:statistics", args=[2026])).content.decode()

    assert _cells(html, "핵심산업 영역 › 인프라") == ["1", WITHHELD, WITHHELD]
    assert _cells(html, "총합") == ["4", WITHHELD, WITHHELD]
    years = re.search(r'<table class="eco-table" id="years-table">.*?</table>', html, re.S).group(0)
    assert re.findall(r'<td class="num[^"]*">(.*?)</td>', years) == ["4", "4", WITHHELD]  # the same total


def test_public_xlsx_holds_the_page_tables_with_the_same_totals_withheld(client, tree):
    response = client.get(reverse("ecosystem:statistics_xlsx", args=[2026]))

    workbook = load_workbook(io.BytesIO(response.content))
    rows = list(workbook["분류별"].iter_rows(values_only=True))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    assert workbook.sheetnames == ["분류별", "지역별", "종사자 규모별", "업력별", "연도별 변화"]
    assert rows[0] == ("분류", "구분", "기업 수", "매출액(백만원)", "종사자 수")
    assert rows[1:4] == [
        ("하드웨어", None, 1, WITHHELD, WITHHELD),
        ("소프트웨어", None, 4, WITHHELD, WITHHELD),
        ("핵심산업 영역 › 기반 부문", "소계", 5, 781_001, 4_361),
    ]
    assert rows[-1] == ("총합", "합계", 8, 787_001, 4_421)
    assert list(workbook["연도별 변화"].iter_rows(values_only=True))[1][-2:] == (787_001, None)


def test_staff_xlsx_holds_every_total_and_is_not_cached(client, tree, staff_user):
    client.force_login(staff_user)

    response = client.get(reverse("ecosystem:statistics_xlsx", args=[2026]))

    rows = list(load_workbook(io.BytesIO(response.content))["분류별"].iter_rows(values_only=True))
    assert rows[1] == ("하드웨어", None, 1, 777_001, 4_321)
    assert response["Cache-Control"] == "private, no-store"


def test_page_links_its_xlsx_and_draws_charts_from_the_same_rows(client, tree):
    response = client.get(reverse("ecosystem:statistics", args=[2026]))
    html = response.content.decode()
    data = json.loads(re.search(r'<script id="statistics-data" type="application/json">(.*?)</script>', html).group(1))

    assert f'href="{reverse("ecosystem:statistics_xlsx", args=[2026])}"' in html
    assert '<script src="/static/js/ecosystem-statistics.js" defer></script>' in html
    assert '<canvas id="chart-revenue"' in html
    assert data["categories"]["labels"][:3] == ["하드웨어", "소프트웨어", "클라우드"]
    assert data["categories"]["counts"][:3] == [1, 4, 3]
    assert data["categories"]["revenue"][:3] == [None, None, 60.0]
    assert data["categories"]["revenue_notes"][:3] == [WITHHELD, WITHHELD, ""]
    assert data["years"] == {"labels": ["2026"], "counts": [8], "revenue": [7870.0]}


@given(st.lists(st.integers(min_value=0, max_value=6), max_size=8))
def test_withheld_parts_never_leave_a_recoverable_small_remainder(companies):
    hidden = withheld_parts(companies, exact=False)
    remainder = sum(companies[index] for index in hidden)

    assert {index for index, count in enumerate(companies) if 0 < count < 3} <= hidden
    assert remainder == 0 or remainder >= 3 or all(index in hidden for index, c in enumerate(companies) if c)
    assert withheld_parts(companies, exact=True) == set()


def test_shown_total_hides_for_the_public_only():
    assert (shown_total(500, companies=2, exact=False).value, shown_total(500, companies=2, exact=True).value) == (
        None,
        500,
    )
    assert shown_total(None, companies=0, exact=False).withheld is False
