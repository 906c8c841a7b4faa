"""The archive's writes: publishers and their spellings, reports with files, versions, extraction in the
background with its recorded outcome; and the reads others use (newest reports, the count per quarter)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from alliance.core.models import AuditEntry
from alliance.info.demo_archive_files import docx_bytes, hwpx_bytes
from alliance.info.models import ExtractionState, ReportFile
from alliance.info.queries.archive import find_publisher, newest_reports, reports_posted, suggest_publishers
from alliance.info.services import archive, archive_publishers
from alliance.info.services.archive_extraction import extract_report_file
from alliance.info.tests.factories_archive import PublisherFactory, ReportFactory, ReportFileFactory
from alliance.info.tests.hwp_files import hwp_bytes

pytestmark = pytest.mark.django_db


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def test_a_publisher_is_found_by_any_spelling(staff_user):
    kistep = archive_publishers.create_publisher(actor=staff_user, name="KISTEP", variants=["한국과학기술기획평가원"])
    kotra = archive_publishers.create_publisher(actor=staff_user, name="KOTRA", variants=["대한무역투자진흥공사"])
    assert find_publisher("kistep") == kistep
    assert find_publisher("한국과학기술 기획평가원") == kistep
    assert find_publisher("Kotra") == kotra
    assert find_publisher("삼성KPMG") is None
    assert suggest_publishers("KISTEPP") == ["KISTEP"]


def test_a_spelling_belongs_to_one_publisher_only(staff_user):
    archive_publishers.create_publisher(actor=staff_user, name="SPRI", variants=["소프트웨어정책연구소"])
    etri = archive_publishers.create_publisher(actor=staff_user, name="ETRI")
    with pytest.raises(ValidationError) as refused:
        archive_publishers.add_variant(actor=staff_user, publisher=etri, name="소프트웨어 정책연구소")
    assert refused.value.messages == ["소프트웨어 정책연구소은(는) 이미 SPRI의 표기입니다."]


def test_renaming_keeps_the_old_name_as_a_spelling(staff_user):
    publisher = archive_publishers.create_publisher(actor=staff_user, name="딜로이트")
    archive_publishers.rename_publisher(actor=staff_user, publisher=publisher, name="Deloitte")
    assert find_publisher("딜로이트") == publisher
    assert [variant.name for variant in publisher.variants.all()] == ["딜로이트"]
    assert AuditEntry.objects.filter(action="info.archive.publisher_renamed").count() == 1


def test_a_new_report_with_files_is_extracted_in_the_background(staff_user, django_capture_on_commit_callbacks):
    publisher = PublisherFactory(name="국회미래연구원")
    files = [
        upload("가상융합 산업정책.hwpx", hwpx_bytes([["AI 전환과 가치이동을 중심으로"]])),
        upload("요약.docx", docx_bytes("요약", ["피지컬 AI 시대 제조업 혁신"])),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        report = archive.create_report(
            actor=staff_user,
            posted_on=datetime.date(2025, 7, 24),
            publisher=publisher,
            title="가상융합 산업정책 개선방안: AI 전환과 가치이동을 중심으로",
            uploads=files,
        )
    stored = list(report.files.order_by("original_name"))
    assert [(item.original_name, item.format, item.extraction_state) for item in stored] == [
        ("가상융합 산업정책.hwpx", "hwpx", ExtractionState.DONE),
        ("요약.docx", "docx", ExtractionState.DONE),
    ]
    assert stored[0].extracted_text == "AI 전환과 가치이동을 중심으로"
    assert AuditEntry.objects.get(action="info.archive.report_added").target_id == str(report.pk)


def test_a_file_whose_content_is_not_its_name_writes_nothing(staff_user):
    publisher = PublisherFactory()
    with pytest.raises(ValidationError) as refused:
        archive.create_report(
            actor=staff_user,
            posted_on=datetime.date(2025, 1, 6),
            publisher=publisher,
            title="XR 협업 플랫폼",
            uploads=[upload("보고서.pdf", b"PK\x03\x04 not a pdf")],
        )
    assert refused.value.messages == [
        "보고서.pdf: 내용이 PDF 파일이 아닙니다. 파일 이름(확장자)과 내용이 일치해야 합니다."
    ]
    assert publisher.reports.count() == 0


def test_replacing_a_file_keeps_the_earlier_version(staff_user, django_capture_on_commit_callbacks):
    first = ReportFileFactory(format="docx", original_name="보고서.docx", content=docx_bytes("v1", ["첫 판"]))
    with django_capture_on_commit_callbacks(execute=True):
        second = archive.replace_report_file(
            actor=staff_user, report_file=first, upload=upload("보고서_수정.docx", docx_bytes("v2", ["고친 판"]))
        )
    first.refresh_from_db()
    assert (first.is_current, second.is_current, second.version, second.replaces) == (False, True, 2, first)
    assert second.extracted_text == ""  # the instance was read before the worker wrote
    second.refresh_from_db()
    assert second.extracted_text == "v2\n고친 판"
    with pytest.raises(ValidationError):
        archive.replace_report_file(actor=staff_user, report_file=first, upload=upload("x.docx", docx_bytes("x", [])))


@pytest.mark.parametrize(
    ("content", "state", "message"),
    [
        (hwp_bytes(["비밀"], password=True), ExtractionState.ENCRYPTED, "HWP 파일에 암호가 걸려 있습니다."),
        (
            hwp_bytes(["본문"], distribution=True),
            ExtractionState.DISTRIBUTION_LOCKED,
            "배포용 HWP 문서입니다. 본문이 잠겨 있어 읽지 않습니다.",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
            ExtractionState.FAILED,
            "HWP 파일이 손상되어 텍스트를 읽을 수 없습니다.",
        ),
    ],
)
def test_locked_and_damaged_files_are_recorded_without_text(content, state, message):
    report_file = ReportFileFactory(format="hwp", content=content)
    assert extract_report_file(file_id=report_file.pk) == state
    report_file.refresh_from_db()
    assert (report_file.extraction_state, report_file.extraction_error, report_file.extracted_text) == (
        state,
        message,
        "",
    )


def test_extraction_run_again_goes_back_to_pending_then_done(staff_user, django_capture_on_commit_callbacks):
    report_file = ReportFileFactory(format="docx", content=docx_bytes("제목", ["본문"]))
    ReportFile.objects.filter(pk=report_file.pk).update(extraction_state=ExtractionState.FAILED, extraction_error="x")
    with django_capture_on_commit_callbacks(execute=False) as queued:
        archive.rerun_extraction(actor=staff_user, report_file=report_file)
    report_file.refresh_from_db()
    assert (report_file.extraction_state, len(queued)) == (ExtractionState.PENDING, 1)
    queued[0]()
    report_file.refresh_from_db()
    assert (report_file.extraction_state, report_file.extracted_text) == (ExtractionState.DONE, "제목\n본문")


def test_a_missing_stored_file_fails_in_korean():
    report_file = ReportFileFactory()
    report_file.file.delete(save=False)
    assert extract_report_file(file_id=report_file.pk) == ExtractionState.FAILED
    report_file.refresh_from_db()
    assert report_file.extraction_error == "저장된 파일이 없습니다."


def test_newest_reports_and_the_count_per_quarter():
    dates = [
        datetime.date(2025, 3, 31),
        datetime.date(2025, 4, 1),
        datetime.date(2025, 6, 30),
        datetime.date(2025, 10, 20),
    ]
    reports = [ReportFactory(posted_on=day) for day in dates]
    assert newest_reports(2) == [reports[3], reports[2]]
    assert [reports_posted(2025, quarter) for quarter in (1, 2, 3, 4)] == [1, 2, 0, 1]
    assert reports_posted(2025) == 4
