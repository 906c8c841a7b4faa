"""The staff page of homepage visits and its XLSX export."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from alliance.info.models import CountKind, DailyCount, DailyVisits, ImportedMonthlyVisits

pytestmark = pytest.mark.django_db


@pytest.fixture
def figures():
    ImportedMonthlyVisits.objects.create(year=2024, month=1, visits=19123)
    ImportedMonthlyVisits.objects.create(year=2025, month=1, visits=17253)
    DailyVisits.objects.create(day=datetime.date(2025, 12, 1), views=90, visits=35, complete=True)
    DailyCount.objects.create(day=datetime.date(2025, 12, 1), kind=CountKind.PAGE, key="/member_companies", views=60)
    DailyCount.objects.create(day=datetime.date(2025, 12, 1), kind=CountKind.PAGE, key="/newsletter", views=30)
    DailyCount.objects.create(
        day=datetime.date(2025, 12, 1), kind=CountKind.REFERRER, key="search.naver.com", views=12, visits=10
    )
    DailyCount.objects.create(day=datetime.date(2025, 12, 1), kind=CountKind.DEVICE, key="phone", views=50, visits=20)


def test_staff_see_the_monthly_table_with_the_change_and_the_top_pages(client, staff_user, figures):
    client.force_login(staff_user)

    response = client.get(reverse("info:analytics"), {"year": 2025})

    page = response.content.decode()
    assert response.status_code == 200
    assert "홈페이지 방문 현황" in page
    assert '<td class="num">17,253</td>' in page
    assert "-9.8%" in page  # January 2025 against January 2024
    assert '<td>/member_companies</td><td class="num">60</td><td class="num">66.67%</td>' in page
    assert "search.naver.com" in page
    assert "휴대폰" in page
    assert "30분 미만" in page  # the visit rule is stated
    assert 'id="analytics-data"' in page
    assert "js/info-analytics.js" in page


def test_a_year_that_is_no_year_is_not_found(client, staff_user):
    client.force_login(staff_user)

    assert client.get(reverse("info:analytics"), {"year": "20x5"}).status_code == 404


def test_the_export_holds_the_same_tables(client, staff_user, figures):
    client.force_login(staff_user)

    response = client.get(reverse("info:analytics_export"), {"year": 2025})

    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["월별 방문 횟수", "2025년 조회 상위 페이지", "2025년 유입 경로", "2025년 기기"]
    months = list(workbook["월별 방문 횟수"].values)
    assert months[0][:3] == ("연도", "1월", "2월")
    assert months[0][-1] == "합계"
    assert months[2][:2] == (2025, 17253)
    assert months[2][-1] == 17288
    assert list(workbook["2025년 조회 상위 페이지"].values)[1] == ("/member_companies", 60, 66.67)
