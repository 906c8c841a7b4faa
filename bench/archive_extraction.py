"""Benchmark: extract the text of a 300-page PDF with Korean text in the worker (target ≤ 30 s).

`run()` lays out a deterministic 300-page report (WeasyPrint, the Korean font; not timed), stores it as an
archive file and times `extract_report_file`, the task's service: reading, every page's text, storing it.
The figures: pages, characters extracted, seconds. Extraction does not touch the database but to store the
result, so SQLite alone is measured.

    python bench/archive_extraction.py [--pages 300]
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

PAGES = int(os.environ.get("BENCH_ARCHIVE_PAGES", "300"))

TITLE = "Text extraction of a 300-page Korean PDF"
CHECKS = {"seconds": ("<=", 30, "s")}
DATABASES = ("sqlite",)

_SENTENCES = (
    "가상융합 산업은 제조, 교육, 의료, 국방 분야에서 디지털 트윈과 확장현실 기술을 빠르게 받아들이고 있다.",
    "생성형 인공지능과 공간 컴퓨팅의 결합은 콘텐츠 제작 방식과 기업의 업무 환경을 바꾸고 있다.",
    "정부는 메타버스 산업 진흥을 위해 실증 사업, 인력 양성, 규제 개선 과제를 단계적으로 추진한다.",
    "해외 주요국은 초실감 디스플레이와 6G 네트워크에 대한 투자를 늘리며 표준 선점 경쟁을 벌이고 있다.",
    "중소기업은 전문 인력 부족과 초기 투자 부담을 가장 큰 어려움으로 꼽았다.",
    "보고서는 데이터 개방과 국제 표준화 참여, 해외 진출 지원의 확대를 시사점으로 제시한다.",
)


def report_pages(pages: int) -> list[list[str]]:
    """Each page: a numbered heading line and twelve sentences."""
    return [
        [f"제{page}장 가상융합 산업 동향 분석", *(_SENTENCES[(page + line) % len(_SENTENCES)] for line in range(12))]
        for page in range(1, pages + 1)
    ]


def run(pages: int = PAGES) -> dict:
    from django.core.files.base import ContentFile

    from alliance.info.demo_archive_files import pdf_bytes
    from alliance.info.models import Publisher, Report, ReportFile
    from alliance.info.services.archive_extraction import extract_report_file

    started = time.perf_counter()
    content = pdf_bytes("가상융합 산업 동향 보고서 (벤치마크)", report_pages(pages))
    layout_seconds = time.perf_counter() - started
    publisher = Publisher.objects.create(name="벤치마크", key="벤치마크")
    report = Report.objects.create(posted_on="2025-07-24", publisher=publisher, title="300쪽 보고서")
    report_file = ReportFile(report=report, original_name="보고서.pdf", format="pdf", size=len(content))
    report_file.file.save("bench.pdf", ContentFile(content), save=True)
    started, cpu_started = time.perf_counter(), time.process_time()
    state = extract_report_file(file_id=report_file.pk)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    report_file.refresh_from_db()
    return {
        "state": state,
        "pages": report_file.page_count,
        "characters": len(report_file.extracted_text),
        "megabytes": round(len(content) / 1024 / 1024, 2),
        "layout_seconds": round(layout_seconds, 1),
        "seconds": round(seconds, 2),
        # On a shared machine the wall time includes waiting for the CPU; this is the worker's own time.
        "cpu_seconds": round(cpu_seconds, 2),
        "ms_per_page": round(seconds * 1000 / max(report_file.page_count or 1, 1), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=PAGES)
    args = parser.parse_args()
    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root))
    scratch = tempfile.mkdtemp(prefix="bench-archive-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{scratch}/bench.sqlite3")
    os.environ.setdefault("ALLIANCE_VAR_DIR", scratch)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alliance.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    print(run(args.pages))


if __name__ == "__main__":
    main()
