"""The archive's demo: seed 001's 35 reports of 2025, their publishers (Kotra and KOTRA one), a file each in
PDF, HWPX or DOCX whose Korean text has been extracted."""

import pytest

from alliance.core.models import FullTextDocument
from alliance.info.demo_archive import load_archive_demo
from alliance.info.models import ExtractionState, Publisher, Report, ReportFile
from alliance.info.queries.archive import reports_posted
from alliance.info.queries.archive_search import REPORT_KIND, search_archive

pytestmark = pytest.mark.django_db


def test_the_demo_holds_the_seed_table_with_extracted_files():
    summary = load_archive_demo(seed=7)
    assert summary == "보고서 아카이브: 2025년 보고서 35건, 발행기관 17곳, 텍스트 추출 35건."
    assert [reports_posted(2025, quarter) for quarter in (1, 2, 3, 4)] == [5, 12, 13, 5]
    assert Publisher.objects.get(name="KOTRA").reports.count() == 4
    assert set(ReportFile.objects.values_list("format", flat=True)) == {"docx", "hwpx", "pdf"}
    assert set(ReportFile.objects.values_list("extraction_state", flat=True)) == {ExtractionState.DONE}
    physical_ai = ReportFile.objects.get(report__title="피지컬 AI의 현황과 시사점")
    assert physical_ai.extracted_text.splitlines()[:2] == [
        "피지컬 AI의 현황과 시사점",
        "피지컬 AI의 현황과 시사점에 관한 보고서를 요약한다.",
    ]
    assert search_archive("피지컬 AI의 현황을")[0].report.title == "피지컬 AI의 현황과 시사점"  # all 35 indexed
    assert FullTextDocument.objects.filter(kind=REPORT_KIND).count() == 35
    assert load_archive_demo(seed=7) == "보고서 아카이브 데모가 이미 있습니다."
    assert Report.objects.count() == 35
