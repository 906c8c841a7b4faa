"""`import_archive MANIFEST.csv`: every row checked first and reported by row and column in Korean, nothing
written when one fails; otherwise every report and file in one go, extraction queued."""

import json

import pytest
from django.core.management import CommandError, call_command

from alliance.core.models import AuditEntry
from alliance.info.demo_archive_files import docx_bytes, hwpx_bytes
from alliance.info.models import ExtractionState, Report, ReportFile
from alliance.info.tests.factories_archive import MINIMAL_PDF, PublisherFactory, PublisherVariantFactory

pytestmark = pytest.mark.django_db
HEADER = "게시일,발행기관,제목,파일,요약,링크\n"


@pytest.fixture
def folder(tmp_path):
    kistep = PublisherFactory(name="KISTEP")
    PublisherVariantFactory(publisher=kistep, name="한국과학기술기획평가원")
    PublisherFactory(name="SPRI")
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "유망기술.pdf").write_bytes(MINIMAL_PDF)
    (tmp_path / "files" / "피지컬AI.hwpx").write_bytes(hwpx_bytes([["피지컬 AI의 현황과 시사점"]]))
    (tmp_path / "files" / "부록.docx").write_bytes(docx_bytes("부록", ["가상융합 생태계"]))
    (tmp_path / "메모.txt").write_text("memo")
    return tmp_path


def write(folder, text: str, encoding: str = "utf-8") -> str:
    path = folder / "manifest.csv"
    path.write_bytes((HEADER + text).encode(encoding))
    return str(path)


def test_a_valid_manifest_imports_every_report_and_queues_extraction(
    folder, capsys, django_capture_on_commit_callbacks
):
    manifest = write(
        folder,
        "2025. 1. 14.,한국과학기술기획평가원,글로벌 주요기관 전망 2025년 유망기술 트렌드 및 시사점,files/유망기술.pdf,,https://www.kistep.re.kr\n"
        '2025-05-16,SPRI,피지컬 AI의 현황과 시사점,files/피지컬AI.hwpx;files/부록.docx,"요약, 쉼표 포함",\n',
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_archive", manifest, "--format", "json")
    output = json.loads(capsys.readouterr().out)
    assert (output["created"], output["skipped"], output["files"]) == (2, 0, 3)
    first, second = Report.objects.order_by("posted_on")
    assert (first.publisher.name, first.source_url, second.summary) == (
        "KISTEP",
        "https://www.kistep.re.kr",
        "요약, 쉼표 포함",
    )
    states = dict(ReportFile.objects.values_list("original_name", "extraction_state"))
    assert states == {
        "유망기술.pdf": ExtractionState.FAILED,  # a stub PDF without pages: recorded, not a crash
        "피지컬AI.hwpx": ExtractionState.DONE,
        "부록.docx": ExtractionState.DONE,
    }
    assert AuditEntry.objects.get(action="info.archive.reports_imported").after == {
        "manifest": "manifest.csv",
        "created": 2,
        "skipped": 0,
    }
    call_command("import_archive", manifest, "--format", "json")
    assert json.loads(capsys.readouterr().out)["skipped"] == 2
    assert Report.objects.count() == 2


def test_a_cp949_manifest_as_korean_excel_saves_it(folder):
    manifest = write(
        folder, "2025-03-31,SPRI,2024 가상증강현실(VRAR) 산업 실태조사,files/부록.docx,,\n", encoding="cp949"
    )
    call_command("import_archive", manifest)
    assert Report.objects.get().title == "2024 가상증강현실(VRAR) 산업 실태조사"


def test_every_bad_row_is_reported_and_nothing_is_written(folder, capsys):
    manifest = write(
        folder,
        "2025-01-14,KISTEP,정상 행,files/유망기술.pdf,,\n"
        "2025-13-01,KISTEPP,날짜와 기관이 틀린 행,files/없는파일.pdf,,\n"
        "2025-02-03,SPRI,,메모.txt,,ftp://example.kr\n"
        "2025-02-04,SPRI,폴더 밖,../밖.pdf,,\n",
    )
    with pytest.raises(CommandError) as refused:
        call_command("import_archive", manifest)
    assert str(refused.value) == "문제 7건이 있어 아무것도 가져오지 않았습니다."
    assert capsys.readouterr().err.splitlines() == [
        "3행 '게시일': '2025-13-01'은 날짜가 아닙니다. 2025-01-14처럼 쓰세요.",
        "3행 '발행기관': 'KISTEPP'는 등록된 발행기관이 아닙니다. 이 표기인가요? KISTEP",
        "3행 '파일': files/없는파일.pdf 파일이 없습니다.",
        "4행 '제목': 제목이 비어 있습니다.",
        "4행 '파일': 메모.txt: PDF, HWP, HWPX, DOCX, PPTX 파일만 올릴 수 있습니다.",
        "4행 '링크': 'ftp://example.kr'는 올바른 웹 주소가 아닙니다.",
        "5행 '파일': ../밖.pdf는 목록 파일이 있는 폴더 밖에 있습니다.",
    ]
    assert Report.objects.count() == 0


def test_a_manifest_without_the_required_columns(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("날짜,제목\n2025-01-01,x\n", encoding="utf-8-sig")
    with pytest.raises(CommandError):
        call_command("import_archive", str(path))
