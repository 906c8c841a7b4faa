"""The yearly schedule's staff page, its PDF (A4 landscape) and DOCX read back, and the items staff keep."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from alliance.core.models import AuditEntry
from alliance.governance.tests.factories import BodyFactory, MeetingFactory
from alliance.reports.models import Area, PlanItem

pytestmark = pytest.mark.django_db
AS_OF = "2026-05-10"


@pytest.fixture
def plan_2026():
    body = BodyFactory(year=2026, name="운영위원회")
    MeetingFactory(body=body, number=1, planned_period="4월", date=datetime.date(2026, 4, 15))  # not held: late
    PlanItem.objects.create(
        year=2026, area=Area.GENERAL, title="사업 방향 논의 및 기본 계획 수립", first_month=1, last_month=1,
        done_on=datetime.date(2026, 1, 28),
    )  # fmt: skip
    PlanItem.objects.create(year=2026, area=Area.EVENTS, title="성과 공유회 개최", first_month=12, last_month=12)


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


def test_the_page_shows_the_grid_with_its_marks(staff_client, plan_2026):
    response = staff_client.get(reverse("reports:plan", kwargs={"year": 2026}), {"as_of": AS_OF})
    assert response.status_code == 200
    page = response.content.decode()
    assert "2026년 추진 일정" in page
    assert "2026. 5. 10. 기준: 완료 1건, 지연 1건, 예정 1건." in page
    assert "운영위원회 제1차 회의" in page
    assert "성과 공유회 개최" in page
    assert page.count('class="month mark-late"') == 1
    assert page.count('class="month mark-done"') == 1
    assert page.count('class="month mark-coming"') == 1


def test_the_menus_entry_shows_this_years_plan(staff_client):
    response = staff_client.get(reverse("reports:plan_current"))
    assert response.status_code == 200
    assert f"{timezone.localdate().year}년 추진 일정" in response.content.decode()


def test_an_unreadable_as_of_is_not_found(staff_client):
    assert staff_client.get(reverse("reports:plan", kwargs={"year": 2026}), {"as_of": "2026-13-01"}).status_code == 404


def test_the_pdf_is_a4_landscape_and_reads_back(staff_client, plan_2026):
    response = staff_client.get(reverse("reports:plan_pdf", kwargs={"year": 2026}), {"as_of": AS_OF})
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    page = reader.pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert (round(width), round(height)) == (842, 595)  # A4 landscape in points
    text = "".join(p.extract_text() for p in reader.pages)
    assert "2026년 추진 일정" in text
    for expected in ("운영위원회 제1차 회의", "사업 방향 논의 및 기본 계획 수립", "●", "▲", "○"):
        assert expected in text


def test_the_docx_is_landscape_with_korean_east_asian_fonts(staff_client, plan_2026):
    response = staff_client.get(reverse("reports:plan_docx", kwargs={"year": 2026}), {"as_of": AS_OF})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    document = Document(io.BytesIO(response.content))
    section = document.sections[0]
    assert section.page_width > section.page_height
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for r_pr in (defaults, document.styles["Normal"].element.rPr, document.styles["Heading 1"].element.rPr):
        fonts = r_pr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == "맑은 고딕"
        assert fonts.get(qn("w:eastAsiaTheme")) is None
    table = document.tables[0]
    header = [cell.text for cell in table.rows[0].cells]
    assert header == ["구분", "주요 내용", *[f"{month}월" for month in range(1, 13)], "비고"]
    rows = {row.cells[1].text: [cell.text for cell in row.cells[2:14]] for row in table.rows[1:]}
    assert rows["사업 방향 논의 및 기본 계획 수립"] == ["●", *[""] * 11]
    assert rows["운영위원회 제1차 회의"] == [*[""] * 3, "▲", *[""] * 8]
    assert rows["성과 공유회 개최"] == [*[""] * 11, "○"]
    assert document.paragraphs[0].text == "2026년 추진 일정"


def test_staff_add_an_item(staff_client):
    response = staff_client.post(
        reverse("reports:plan", kwargs={"year": 2026}),
        {"item-area": Area.COMPETITION, "item-title": " 프로젝트 그룹 모집 공고 ", "item-first_month": "3",
         "item-last_month": "5", "item-done_on": "", "item-note": "3/25~5/8"},
    )  # fmt: skip
    assert response.status_code == 302
    item = PlanItem.objects.get()
    assert (item.year, item.area, item.title, item.first_month, item.last_month, item.note) == (
        2026, Area.COMPETITION, "프로젝트 그룹 모집 공고", 3, 5, "3/25~5/8"
    )  # fmt: skip
    assert AuditEntry.objects.filter(action="reports.plan_item_added").count() == 1


def test_months_out_of_order_are_refused(staff_client):
    response = staff_client.post(
        reverse("reports:plan", kwargs={"year": 2026}),
        {"item-area": Area.GENERAL, "item-title": "x", "item-first_month": "5", "item-last_month": "3"},
    )
    assert response.status_code == 200
    assert "종료 월은 시작 월보다 앞설 수 없습니다." in response.content.decode()
    assert not PlanItem.objects.exists()


def _edit_data(**changes):
    return {"area": Area.EVENTS, "title": "성과 공유회 개최", "first_month": "12", "last_month": "12",
            "done_on": "2026-12-10", "note": ""} | changes  # fmt: skip


def test_staff_record_the_day_an_item_was_done_and_a_stale_save_is_refused(staff_client, plan_2026):
    item = PlanItem.objects.get(title="성과 공유회 개최")
    url = reverse("reports:plan_item_edit", kwargs={"pk": item.pk})
    page = staff_client.get(url).content.decode()
    token = re.search(r'name="edit_token" value="([^"]+)"', page).group(1)
    assert staff_client.post(url, _edit_data(edit_token=token)).status_code == 302
    item.refresh_from_db()
    assert (item.done_on, item.version) == (datetime.date(2026, 12, 10), 1)
    stale = staff_client.post(url, _edit_data(edit_token=token, note="늦게 저장"))
    assert stale.status_code == 200
    assert 'class="message message-warning stale-edit"' in stale.content.decode()
    item.refresh_from_db()
    assert item.note == ""


def test_staff_delete_an_item(staff_client, plan_2026):
    item = PlanItem.objects.get(title="성과 공유회 개최")
    response = staff_client.post(reverse("reports:plan_item_delete", kwargs={"pk": item.pk}))
    assert response.status_code == 302
    assert not PlanItem.objects.filter(pk=item.pk).exists()
    assert AuditEntry.objects.filter(action="reports.plan_item_deleted").count() == 1


def test_staff_reach_the_plan_from_the_menu_and_my_page(staff_client):
    url = reverse("reports:plan_current")
    assert f'href="{url}"' in staff_client.get("/").content.decode()
    assert f'href="{url}"' in staff_client.get("/dashboard/").content.decode()


def test_a_member_is_not_offered_the_plan(client, member_rep):
    client.force_login(member_rep)
    url = reverse("reports:plan_current")
    assert f'href="{url}"' not in client.get("/").content.decode()
    assert f'href="{url}"' not in client.get("/dashboard/").content.decode()
