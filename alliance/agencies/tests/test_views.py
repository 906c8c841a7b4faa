import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from alliance.agencies.models import QuarterlyReport, ReportFile
from alliance.agencies.services import reports
from alliance.agencies.tests.factories import EntryFactory, LiaisonFactory, PlanItemFactory
from alliance.core.models import ReviewStatus

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def liaison():
    return LiaisonFactory(agency__name="정보통신산업진흥원", agency__short_name="NIPA")


def test_liaison_home_shows_the_agency_and_its_quarters(client, liaison):
    client.force_login(liaison.user)

    page = client.get(reverse("agencies:home") + "?year=2026").content.decode()

    assert ("정보통신산업진흥원 (NIPA)" in page, "2026. 4. 10." in page, "2027. 1. 10." in page) == (True, True, True)


def test_another_agencys_plan_report_and_files_answer_404(client, liaison):
    other = EntryFactory(text="타 기관 실적")
    stored = ReportFile.objects.create(entry=other, kind="photo", original_name="x.png", file="agencies/x.png")
    client.force_login(liaison.user)
    agency = other.report.agency

    statuses = [
        client.get(reverse("agencies:plan", args=[agency.pk, 2026])).status_code,
        client.get(reverse("agencies:report", args=[agency.pk, 2026, 1])).status_code,
        client.get(reverse("agencies:plan_item_edit", args=[other.plan_item.pk])).status_code,
        client.get(reverse("agencies:report_file", args=[stored.pk])).status_code,
        client.post(reverse("agencies:report_submit", args=[agency.pk, 2026, 1])).status_code,
    ]

    assert statuses == [404, 404, 404, 404, 404]


def test_liaison_writes_attaches_and_submits_a_report(client, liaison):
    item = PlanItemFactory(plan__agency=liaison.agency, start_month=4, end_month=6)
    client.force_login(liaison.user)
    url = reverse("agencies:report", args=[liaison.agency.pk, 2026, 2])

    client.post(url, {f"item{item.pk}-text": "지역 협의회 연계 설명회", f"item{item.pk}-figures": "12개 기관 참여"})
    client.post(
        reverse("agencies:report_file_add", args=[liaison.agency.pk, 2026, 2]),
        {"item": item.pk, "file": SimpleUploadedFile("현장.png", PNG)},
    )
    client.post(reverse("agencies:report_submit", args=[liaison.agency.pk, 2026, 2]))

    report = QuarterlyReport.objects.get()
    entry = report.entries.get()
    assert (entry.text, entry.figures, [f.original_name for f in entry.files.all()], report.awaits_review) == (
        "지역 협의회 연계 설명회",
        "12개 기관 참여",
        ["현장.png"],
        True,
    )
    assert "검토 대기" in client.get(url).content.decode()


def test_a_report_with_an_end_before_its_start_is_refused_with_the_field(client, liaison):
    item = PlanItemFactory(plan__agency=liaison.agency)
    client.force_login(liaison.user)

    response = client.post(
        reverse("agencies:report", args=[liaison.agency.pk, 2026, 1]),
        {
            f"item{item.pk}-text": "행사",
            f"item{item.pk}-started_on": "2026-03-10",
            f"item{item.pk}-ended_on": "2026-03-01",
        },
    )

    assert (response.status_code, "종료일이 시작일보다 앞섭니다." in response.content.decode()) == (200, True)
    assert QuarterlyReport.objects.count() == 0


def test_staff_grid_review_and_accepted_workbook(client, staff_user):
    entry = EntryFactory(
        report__agency__short_name="IITP", report__agency__name="정보통신기획평가원", figures="12개 기관 참여"
    )
    reports.submit_report(actor=None, report=entry.report)
    client.force_login(staff_user)

    grid = client.get(reverse("agencies:report_grid", args=[2026])).content.decode()
    client.post(reverse("agencies:report_review", args=[entry.report.pk]), {"decision": "accept", "note": ""})
    workbook = load_workbook(io.BytesIO(client.get(reverse("agencies:accepted_xlsx", args=[2026])).content))

    entry.report.refresh_from_db()
    assert ("IITP" in grid, "검토 대기" in grid, entry.report.status) == (True, True, ReviewStatus.APPLIED)
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[1][:6] == ("1분기", "정보통신기획평가원", "정보 제공", entry.plan_item.text, "'26.1~12", entry.text)
    assert rows[1][8] == "12개 기관 참여"


def test_a_plan_item_changed_meanwhile_by_staff_refuses_the_liaisons_later_save(liaison, staff_user):
    from django.test import Client

    from alliance.agencies.models import PlanItem
    from alliance.core.tests.editing import posted

    item = PlanItemFactory(plan__agency=liaison.agency)
    url = reverse("agencies:plan_item_edit", args=[item.pk])
    staff, own = Client(), Client()
    staff.force_login(staff_user)
    own.force_login(liaison.user)
    staff_form, own_form = posted(staff.get(url).context["form"]), posted(own.get(url).context["form"])

    assert staff.post(url, staff_form | {"text": "R&D 투자 설명회 (상·하반기 2회)"}).status_code == 302
    response = own.post(url, own_form | {"end_month": "6"})

    assert response.status_code == 200
    assert [(row["theirs"], row["yours"]) for row in response.context["form"].stale_changes] == [
        ("R&D 투자 설명회 (상·하반기 2회)", "가상융합 분야 R&D 투자 방향 설명회 개최")
    ]
    assert PlanItem.objects.get(pk=item.pk).end_month == 12

    assert own.post(url, posted(response.context["form"])).status_code == 302
    item.refresh_from_db()
    assert (item.text, item.end_month) == ("가상융합 분야 R&D 투자 방향 설명회 개최", 6)
