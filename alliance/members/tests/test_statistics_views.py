"""The statistics page and its XLSX export: staff only, constant queries, exact numbers."""

import datetime
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.members.models import MemberCategory
from alliance.members.tests.factories import OrganisationFactory

URL = reverse("members:statistics")
EXPORT_URL = reverse("members:statistics_export")


@pytest.fixture
def members(db):
    """Three members on 2025-12-31, one of them joined in 2025; one withdrew in 2025."""
    return [
        OrganisationFactory(name="주식회사 가온", category=MemberCategory.LARGE, employees=500, founded_year=2000),
        OrganisationFactory(
            name="나래랩",
            sido="경기",
            sigungu="성남시",
            employees=12,
            founded_year=2023,
            joined_on=datetime.date(2025, 6, 1),
        ),
        OrganisationFactory(
            name="한국메타협회", category=MemberCategory.AGENCY, sigungu="마포구", employees=None, founded_year=None
        ),
        OrganisationFactory(
            name="떠난회사", joined_on=datetime.date(2022, 1, 1), withdrawn_on=datetime.date(2025, 3, 1)
        ),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.MEMBER_REP, Role.STEERING, Role.SUBCOMMITTEE, Role.EVALUATOR, Role.AGENCY])
@pytest.mark.parametrize("url", [URL, EXPORT_URL])
def test_statistics_not_found_for_non_staff(client, role, url):
    client.force_login(UserFactory(role=role))

    response = client.get(url)

    assert response.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("url", [URL, EXPORT_URL])
def test_statistics_anonymous_redirected_to_login(client, url):
    response = client.get(url)

    assert (response.status_code, response.url) == (302, f"{reverse('core:login')}?next={url}")


def test_statistics_page_shows_the_tables_for_staff(client, staff_user, members):
    client.force_login(staff_user)

    response = client.get(URL, {"as_of": "2025-12-31"})

    stats = response.context["stats"]
    assert response.status_code == 200
    assert [(row.key, row.count, row.previous) for row in stats.status.rows] == [
        ("대기업", 1, 1),
        ("중기업", 0, 0),
        ("소기업", 1, 1),
        ("기업", 2, 2),
        ("기관·협단체", 1, 1),
        ("기타(비영리)", 0, 0),
        ("기관", 1, 1),
        ("대학/산학협력단", 0, 0),
        ("총합", 3, 3),
    ]
    assert [(row.key, row.count, str(row.share)) for row in stats.seoul_zones.rows] == [
        ("도심권", 0, "0.0"),
        ("동남권", 1, "50.0"),
        ("서북권", 1, "50.0"),
        ("서남권", 0, "0.0"),
        ("동북권", 0, "0.0"),
        ("미상", 0, "0.0"),
        ("계", 2, "100.0"),
    ]
    assert response.context["chart_data"]["category"]["counts"] == [1, 0, 1, 1, 0, 0]
    assert response.context["chart_data"]["sido"]["labels"][:4] == ["서울", "경기", "인천", "부산"]
    labels = re.findall(r'<tr class="[a-z]+">\s*<td>([^<]*)</td>', response.content.decode())
    region_labels = labels[labels.index("서울") :][:5]
    assert region_labels == ["서울", "경기", "인천", "수도권 소계", "부산"]
    assert b'<script id="statistics-data" type="application/json">' in response.content
    assert b"js/member-statistics.js" in response.content


def test_statistics_page_queries_do_not_grow_with_members(client, staff_user):
    client.force_login(staff_user)
    OrganisationFactory(name="하나")
    with CaptureQueriesContext(connection) as one:
        client.get(URL, {"as_of": "2025-12-31"})
    OrganisationFactory(name="둘", sido="부산")
    OrganisationFactory(name="셋", category=MemberCategory.UNIVERSITY)

    with CaptureQueriesContext(connection) as three:
        response = client.get(URL, {"as_of": "2025-12-31"})

    assert response.context["stats"].status.total.count == 3
    assert len(three.captured_queries) == len(one.captured_queries)


def test_statistics_page_without_a_date_fills_in_today(client, staff_user):
    client.force_login(staff_user)

    response = client.get(URL)

    today = timezone.localdate().isoformat()
    assert f'name="as_of" value="{today}"' in response.content.decode()


def test_statistics_page_bad_date_says_so_and_shows_today(client, staff_user, members):
    client.force_login(staff_user)

    response = client.get(URL, {"as_of": "2025-02-30"})

    assert response.status_code == 200
    assert (response.context["invalid"], response.context["stats"].as_of) == (True, timezone.localdate())
    assert list(response.context["form"].errors) == ["as_of"]


def test_statistics_export_has_one_sheet_per_table_with_exact_numbers(client, staff_user, members):
    client.force_login(staff_user)

    response = client.get(EXPORT_URL, {"as_of": "2025-12-31"})

    workbook = load_workbook(io.BytesIO(response.content))
    assert response["Content-Disposition"] == 'attachment; filename="member-statistics-2025-12-31.xlsx"'
    assert workbook.sheetnames == ["회원 현황", "시도별 분포", "서울 권역별 분포", "종사자 규모", "업력"]
    assert list(workbook["회원 현황"].values) == [
        ("구분", "2025-12-31 기준", "2024-12-31 기준", "증감"),
        ("대기업", 1, 1, 0),
        ("중기업", 0, 0, 0),
        ("소기업", 1, 1, 0),
        ("기업", 2, 2, 0),
        ("기관·협단체", 1, 1, 0),
        ("기타(비영리)", 0, 0, 0),
        ("기관", 1, 1, 0),
        ("대학/산학협력단", 0, 0, 0),
        ("총합", 3, 3, 0),
    ]
    regions = list(workbook["시도별 분포"].values)
    assert regions[0] == ("구분", "사업체", "비중(%)", "종사자", "비중(%)")
    assert regions[1:4] == [("서울", 2, 66.7, 500, 97.7), ("경기", 1, 33.3, 12, 2.3), ("인천", 0, 0.0, 0, 0.0)]
    assert regions[-1] == ("계", 3, 100.0, 512, 100.0)
    assert list(workbook["종사자 규모"].values) == [
        ("구분", "사업체", "비중(%)"),
        ("10인 미만", 0, 0.0),
        ("10~19인", 1, 33.4),
        ("20~49인", 0, 0.0),
        ("50~99인", 0, 0.0),
        ("100~299인", 0, 0.0),
        ("300인 이상", 1, 33.3),
        ("미상", 1, 33.3),
        ("계", 3, 100.0),
    ]
    assert list(workbook["업력"].values)[1:] == [
        ("3년 이하", 1, 33.4),
        ("4~7년", 0, 0.0),
        ("8~10년", 0, 0.0),
        ("11~20년", 0, 0.0),
        ("21년 이상", 1, 33.3),
        ("미상", 1, 33.3),
        ("계", 3, 100.0),
    ]


def test_statistics_export_bad_date_is_a_bad_request(client, staff_user):
    client.force_login(staff_user)

    response = client.get(EXPORT_URL, {"as_of": "31/12/2025"})

    assert response.status_code == 400
