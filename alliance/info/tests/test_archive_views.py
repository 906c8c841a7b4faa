"""The archive's pages: the public list as in seed 001 with its filters, paging and XLSX export, a report's
page and downloads; the staff's report, file and publisher pages."""

import datetime
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from alliance.ecosystem.tests.factories import ApplicationFieldFactory, TaxonomyFactory, TechnologyFactory
from alliance.info.demo_archive_files import docx_bytes
from alliance.info.models import Report, ReportFile
from alliance.info.tests.factories_archive import PublisherFactory, ReportFactory, ReportFileFactory
from alliance.info.views import archive as archive_views

pytestmark = pytest.mark.django_db
LIST = reverse("info:archive")


def rows_of(html: str) -> list[list[str]]:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [
        [
            re.sub(r"<[^>]+>|\s+", " ", cell).strip().split("  ")[0].strip()
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        ]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


@pytest.fixture
def seed_reports():
    """Four rows of seed 001's table."""
    kistep, spri = PublisherFactory(name="KISTEP"), PublisherFactory(name="SPRI")
    return [
        ReportFactory(posted_on=datetime.date(2024, 12, 20), publisher=spri, title="2024 소프트웨어 산업 전망"),
        ReportFactory(
            posted_on=datetime.date(2025, 1, 14),
            publisher=kistep,
            title="글로벌 주요기관 전망 2025년 유망기술 트렌드 및 시사점",
        ),
        ReportFactory(posted_on=datetime.date(2025, 5, 16), publisher=spri, title="피지컬 AI의 현황과 시사점"),
        ReportFactory(posted_on=datetime.date(2025, 8, 20), publisher=spri, title="메타버스-AI 공진화 전망과 시사점"),
    ]


def test_the_list_shows_number_date_publisher_title_newest_first(client, seed_reports):
    response = client.get(LIST)
    assert response.status_code == 200
    assert rows_of(response.content.decode()) == [
        ["4", "2025-08-20", "SPRI", "메타버스-AI 공진화 전망과 시사점"],
        ["3", "2025-05-16", "SPRI", "피지컬 AI의 현황과 시사점"],
        ["2", "2025-01-14", "KISTEP", "글로벌 주요기관 전망 2025년 유망기술 트렌드 및 시사점"],
        ["1", "2024-12-20", "SPRI", "2024 소프트웨어 산업 전망"],
    ]


def test_filters_by_publisher_year_and_tag(client, seed_reports):
    taxonomy = TaxonomyFactory(year=2025)
    twin = TechnologyFactory(taxonomy=taxonomy, name="디지털 트윈")
    manufacturing = ApplicationFieldFactory(taxonomy=taxonomy, name="제조·건설")
    seed_reports[2].technologies.add(twin)
    seed_reports[3].application_fields.add(manufacturing)
    spri = seed_reports[0].publisher_id

    def titles(params):
        return [row[3] for row in rows_of(client.get(LIST, params).content.decode())]

    assert titles({"publisher": spri, "year": 2025}) == [
        "메타버스-AI 공진화 전망과 시사점",
        "피지컬 AI의 현황과 시사점",
    ]
    assert titles({"tag": "디지털 트윈"}) == ["피지컬 AI의 현황과 시사점"]
    assert titles({"tag": "제조·건설", "year": 2025}) == ["메타버스-AI 공진화 전망과 시사점"]
    assert titles({"year": "abc", "publisher": "999999"}) == titles({})  # invalid filters are ignored


def test_paging_numbers_continue_across_pages(client, monkeypatch):
    monkeypatch.setattr(archive_views, "PAGE_SIZE", 2)
    for day in range(1, 6):
        ReportFactory(posted_on=datetime.date(2025, 3, day))
    second = client.get(LIST, {"page": 2, "year": 2025}).content.decode()
    assert [row[0] for row in rows_of(second)] == ["3", "2"]
    assert 'href="?year=2025&amp;page=3"' in second


def test_export_is_the_seed_table_oldest_first(client, seed_reports):
    response = client.get(reverse("info:archive_export"), {"year": 2025})
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == ["연번", "게시일", "발행기관", "제목", "태그", "원문 링크"]
    assert [row[:4] for row in values[1:]] == [
        [1, datetime.datetime(2025, 1, 14), "KISTEP", "글로벌 주요기관 전망 2025년 유망기술 트렌드 및 시사점"],
        [2, datetime.datetime(2025, 5, 16), "SPRI", "피지컬 AI의 현황과 시사점"],
        [3, datetime.datetime(2025, 8, 20), "SPRI", "메타버스-AI 공진화 전망과 시사점"],
    ]


def test_report_page_and_downloads_of_current_files_only(client, staff_user):
    report = ReportFactory(summary="요약 문단", source_url="https://www.spri.kr/posts/view/1")
    current = ReportFileFactory(report=report, original_name="피지컬 AI.pdf")
    earlier = ReportFileFactory(report=report, original_name="피지컬 AI 초안.pdf", is_current=False)
    page = client.get(report.get_absolute_url()).content.decode()
    assert "요약 문단" in page
    assert 'href="https://www.spri.kr/posts/view/1"' in page
    assert current.get_absolute_url() in page
    assert earlier.get_absolute_url() not in page
    download = client.get(current.get_absolute_url())
    assert download["Content-Disposition"] == (
        "attachment; filename=\"___ AI.pdf\"; filename*=UTF-8''%ED%94%BC%EC%A7%80%EC%BB%AC%20AI.pdf"
    )
    assert client.get(earlier.get_absolute_url()).status_code == 404
    client.force_login(staff_user)
    assert client.get(earlier.get_absolute_url()).status_code == 200


def test_staff_add_a_report_with_a_file_and_see_its_extraction(client, staff_user, django_capture_on_commit_callbacks):
    publisher = PublisherFactory(name="ETRI")
    client.force_login(staff_user)
    upload = SimpleUploadedFile("6G 백서.docx", docx_bytes("6G Insight", ["비전과 기술 백서"]))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("info:archive_manage_create"),
            {
                "posted_on": "2025-06-04",
                "publisher": publisher.pk,
                "title": "6G Insight: 비전과 기술 백서 v2.0",
                "files": upload,
            },
        )
    report = Report.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("info:archive_manage_report", args=[report.pk])
    page = client.get(response["Location"]).content.decode()
    assert "6G 백서.docx" in page
    assert "추출 완료" in page
    assert ReportFile.objects.get().extracted_text == "6G Insight\n비전과 기술 백서"


def test_staff_see_a_refused_upload_in_korean(client, staff_user):
    report = ReportFactory()
    client.force_login(staff_user)
    response = client.post(
        reverse("info:archive_manage_files_add", args=[report.pk]),
        {"files": SimpleUploadedFile("표.xlsx", b"PK\x03\x04")},
        follow=True,
    )
    assert "표.xlsx: PDF, HWP, HWPX, DOCX, PPTX 파일만 올릴 수 있습니다." in response.content.decode()
    assert report.files.count() == 0


def test_publisher_pages_list_spellings_and_refuse_a_taken_one(client, staff_user):
    client.force_login(staff_user)
    client.post(reverse("info:archive_publishers"), {"name": "KISTEP", "variants": "한국과학기술기획평가원"})
    client.post(reverse("info:archive_publishers"), {"name": "SPRI", "variants": ""})
    page = client.get(reverse("info:archive_publishers")).content.decode()
    assert "한국과학기술기획평가원" in page
    spri = PublisherFactory(name="SPRI")
    response = client.post(
        reverse("info:archive_publisher", args=[spri.pk]), {"spelling-name": "한국과학기술 기획평가원"}, follow=True
    )
    assert "한국과학기술 기획평가원은 이미 KISTEP의 표기입니다." in response.content.decode()
