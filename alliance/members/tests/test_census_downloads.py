"""The lists staff follow up from download as XLSX in Korean: a round's non-responders and the members whose
profile was not confirmed recently (every row, not one page)."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from alliance.members.tests.factories import OrganisationFactory
from alliance.members.tests.test_census_support import invite, korean, make_round  # noqa: F401  fixture

pytestmark = pytest.mark.usefixtures("korean")


def sheet_values(response) -> list[list]:
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return [[cell.value for cell in row] for row in load_workbook(io.BytesIO(response.content)).active.iter_rows()]


def test_a_rounds_non_responders_download_as_xlsx(client, staff_user):
    census_round = make_round()
    for n in range(3):
        invite(census_round, OrganisationFactory(name=f"미응답{n}"), token=f"silent-{n}")
    client.force_login(staff_user)
    url = reverse("members:census_round_detail", args=[census_round.pk])

    assert "?download=xlsx" in client.get(url).content.decode()
    values = sheet_values(client.get(url, {"download": "xlsx"}))

    assert values[0][:2] == ["회원사", "발송 주소"]
    assert sorted(row[0] for row in values[1:]) == ["미응답0", "미응답1", "미응답2"]


def test_members_not_confirmed_recently_download_as_xlsx(client, staff_user, settings):
    settings.CONFIRMATION_STALE_DAYS = 365
    today = timezone.localdate()
    OrganisationFactory(name="가 미확인", last_confirmed_on=None)
    OrganisationFactory(name="나 오래됨", last_confirmed_on=today - datetime.timedelta(days=400))
    OrganisationFactory(name="라 최근", last_confirmed_on=today - datetime.timedelta(days=10))
    client.force_login(staff_user)
    url = reverse("members:stale_confirmations")

    assert "?download=xlsx" in client.get(url).content.decode()
    values = sheet_values(client.get(url, {"download": "xlsx"}))

    assert values[0] == ["회원 구분", "회원사", "가입일", "최종 확인일", "경과일"]
    assert [(row[1], row[3], row[4]) for row in values[1:]] == [
        ("가 미확인", "확인 기록 없음", None),
        ("나 오래됨", datetime.datetime.combine(today - datetime.timedelta(days=400), datetime.time()), 400),
    ]
