"""Registry and directory exports: columns, privacy, formats, filenames, and the export → import round trip."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from alliance.core.models import AuditEntry
from alliance.members.models import Organisation
from alliance.members.services.exporting import DIRECTORY_HEADERS, REGISTRY_HEADERS
from alliance.members.services.importing import import_members
from alliance.members.tests.factories import ContactFactory, OrganisationFactory


@pytest.fixture
def members(db):
    zen = OrganisationFactory(
        name="주식회사 젠",
        name_en="Zen Inc.",
        field_names=["디지털트윈", "메타버스"],
        employees=1200,
        revenue_million=3500,
        founded_year=2015,
        homepage="https://zen.example.kr",
        description='=HYPERLINK("http://evil.example") <b>굵게</b>',
        last_confirmed_on=datetime.date(2026, 4, 15),
    )
    ContactFactory(organisation=zen, name="김담당", email="kim@zen.example.kr", phone="02-123-4567")
    ContactFactory(organisation=zen, name="이담당", email="", phone="010-1111-2222", is_primary=False)
    gone = OrganisationFactory(
        name="(주)떠난회사",
        category="medium",
        joined_on=datetime.date(2020, 1, 1),
        withdrawn_on=datetime.date(2023, 6, 30),
        withdrawal_reason="폐업",
        sido="부산",
        sigungu="해운대구",
        field_names=[],
    )
    return {"zen": zen, "gone": gone}


def xlsx_rows(content: bytes) -> list[list]:
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_registry_export_xlsx_has_every_column_and_contacts(client, staff_user, members):
    client.force_login(staff_user)

    response = client.get(reverse("members:registry_export", args=["xlsx"]))

    rows = xlsx_rows(body(response))
    assert rows[0] == list(REGISTRY_HEADERS)
    by_name = {row[0]: dict(zip(REGISTRY_HEADERS, row, strict=True)) for row in rows[1:]}
    assert sorted(by_name) == ["(주)떠난회사", "주식회사 젠"]
    zen = by_name["주식회사 젠"]
    assert (zen["담당자"], zen["담당자 이메일"], zen["담당자 전화번호"], zen["최종 확인일"]) == (
        "김담당; 이담당",
        "kim@zen.example.kr; -",
        "02-123-4567; 010-1111-2222",
        datetime.datetime(2026, 4, 15),
    )
    assert (zen["주요분야"], zen["가입일"], zen["소개"]) == (
        "디지털트윈, 메타버스",
        datetime.datetime(2024, 3, 1),
        '=HYPERLINK("http://evil.example") <b>굵게</b>',
    )
    assert (by_name["(주)떠난회사"]["탈퇴일"], by_name["(주)떠난회사"]["탈퇴사유"]) == (
        datetime.datetime(2023, 6, 30),
        "폐업",
    )


def test_registry_export_then_import_changes_nothing(client, staff_user, members, tmp_path):
    client.force_login(staff_user)
    for fmt in ("xlsx", "csv"):
        path = tmp_path / f"registry.{fmt}"
        path.write_bytes(body(client.get(reverse("members:registry_export", args=[fmt]))))
        audit_count = AuditEntry.objects.count()

        result = import_members(path=path)

        assert (fmt, result.problems, result.created, result.updated, result.unchanged) == (fmt, [], 0, 0, 2)
        assert AuditEntry.objects.count() == audit_count + 1


def test_directory_export_csv_public_columns_current_members_only(client, members):
    response = client.get(reverse("members:directory_export", args=["csv"]))

    content = body(response)
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert content[:3] == b"\xef\xbb\xbf"
    assert rows[0] == list(DIRECTORY_HEADERS)
    assert rows[1] == [
        "주식회사 젠",
        "소기업",
        "2024-03-01",
        "서울",
        "강남구",
        "2015",
        "300인 이상",
        "디지털트윈, 메타버스",
        "https://zen.example.kr",
        '\'=HYPERLINK("http://evil.example") <b>굵게</b>',
    ]
    assert len(rows) == 2
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="members_{today}.csv"; '
        f"filename*=UTF-8''%ED%9A%8C%EC%9B%90%EC%82%AC_%EB%AA%A9%EB%A1%9D_{today}.csv"
    )


def test_directory_export_has_no_contact_or_number_columns():
    assert [header for header in DIRECTORY_HEADERS if "담당자" in header or header == "사업자등록번호"] == []


def test_directory_export_honours_filters(client, members):
    OrganisationFactory(name="부산메타", sido="부산", sigungu="해운대구", field_names=["XR"])

    response = client.get(reverse("members:directory_export", args=["xlsx"]), {"sido": "부산", "q": "메타"})

    assert [row[0] for row in xlsx_rows(body(response))] == ["회사명", "부산메타"]


def test_directory_export_unknown_format_is_404(client, members):
    assert client.get(reverse("members:directory_export", args=["pdf"])).status_code == 404


def test_registry_export_member_rep_gets_404(client, member_rep):
    client.force_login(member_rep)

    assert client.get(reverse("members:registry_export", args=["xlsx"])).status_code == 404


def _export_queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        body(client.get(reverse("members:registry_export", args=["csv"])))
    return len(captured)


def test_registry_export_constant_queries(client, staff_user, members):
    client.force_login(staff_user)
    Organisation.objects.exclude(pk=members["zen"].pk).delete()
    one = _export_queries(client)
    for index in range(2):
        ContactFactory(organisation=OrganisationFactory(name=f"추가회사{index}"))

    three = _export_queries(client)

    assert one == three


def test_export_members_command_writes_public_xlsx(members, tmp_path, capsys):
    out = tmp_path / "directory.xlsx"

    call_command("export_members", "--out", str(out), "--public")

    assert [row[0] for row in xlsx_rows(out.read_bytes())] == ["회사명", "주식회사 젠"]
    assert capsys.readouterr().out == f"{out}에 1개사를 저장했습니다.\n"
