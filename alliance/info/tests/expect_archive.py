"""Who may open the archive area's URLs: rows merged by tests/url_expectations.py.

The public list, a report's page, its current files and the export are open to everyone; everything else is
the secretariat's (a visitor is sent to log in, every other role gets 404).
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from alliance.core.tests.url_matrix import everyone, no_body, staff_only
from alliance.info.tests.factories_archive import (
    MINIMAL_PDF,
    PublisherFactory,
    PublisherVariantFactory,
    ReportFactory,
    ReportFileFactory,
)

EXPECTED = {
    "info:archive": everyone(),
    "info:archive_export": everyone(),
    "info:archive_report": everyone(),
    "info:archive_file": everyone(),
    "info:archive_manage": staff_only(),
    "info:archive_manage_create": staff_only(),
    "info:archive_manage_report": staff_only(),
    "info:archive_manage_files_add": staff_only(405),
    "info:archive_manage_publication": staff_only(405),  # a button: POST only
    "info:archive_manage_delete": staff_only(),  # GET: the confirmation page; POST deletes
    "info:archive_manage_file_replace": staff_only(405),
    "info:archive_manage_file_extract": staff_only(405),
    "info:archive_publishers": staff_only(),
    "info:archive_publisher": staff_only(),
    "info:archive_publisher_spelling_remove": staff_only(405),
}

PK_OF = {
    "info:archive_report": "archive_report",
    "info:archive_file": "archive_file",
    "info:archive_manage_report": "archive_report",
    "info:archive_manage_files_add": "archive_report",
    "info:archive_manage_publication": "archive_report",
    "info:archive_manage_delete": "archive_doomed",
    "info:archive_manage_file_replace": "archive_file",
    "info:archive_manage_file_extract": "archive_file",
    "info:archive_publisher": "archive_publisher",
    "info:archive_publisher_spelling_remove": "archive_spelling",
}


def build_world(world) -> dict:
    publisher = PublisherFactory(name="KISTEP")
    spelling = PublisherVariantFactory(publisher=publisher, name="한국과학기술기획평가원")
    report = ReportFactory(publisher=publisher, title="글로벌 주요기관 전망 2025년 유망기술 트렌드 및 시사점")
    return {
        "archive_publisher": publisher,
        "archive_spelling": spelling,
        "archive_report": report,
        "archive_file": ReportFileFactory(report=report),
        "archive_doomed": ReportFactory(publisher=publisher, title="삭제할 보고서"),
    }


def _pdf(name: str = "보고서.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, MINIMAL_PDF, content_type="application/pdf")


POST_DATA = {
    "info:archive_manage_create": lambda world: {
        "posted_on": "2025-05-16",
        "publisher": world["archive_publisher"].pk,
        "title": "피지컬 AI의 현황과 시사점",
        "summary": "",
        "source_url": "",
        "files": _pdf(),
    },
    "info:archive_manage_report": lambda world: {
        "posted_on": "2025-01-14",
        "publisher": world["archive_publisher"].pk,
        "title": "글로벌 주요기관 전망 2025년 유망기술 트렌드와 시사점",
        "summary": "유망기술 트렌드 요약",
        "source_url": "https://www.kistep.re.kr/",
    },
    "info:archive_manage_files_add": lambda world: {"files": _pdf("부록.pdf")},
    "info:archive_manage_file_replace": lambda world: {"file": _pdf("보고서_수정본.pdf")},
    "info:archive_manage_file_extract": no_body,
    "info:archive_manage_publication": lambda world: {"published": "0"},
    "info:archive_manage_delete": no_body,
    "info:archive_publishers": lambda world: {"name": "SPRI", "variants": "소프트웨어정책연구소"},
    "info:archive_publisher": lambda world: {"spelling-name": "Korea Institute of S&T Evaluation and Planning"},
    "info:archive_publisher_spelling_remove": no_body,
}
