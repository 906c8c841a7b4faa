"""The report archive's demo: seed 001's 35 reports of 2025 with their publishers and spellings, each with a
synthetic file with Korean text made on the spot (PDF, HWPX and DOCX in turn), extracted at once (the demo
does not wait for the worker), tagged with the map's facets whose keywords its title holds, and searchable."""

import datetime
import random

from django.core.files.base import ContentFile
from django.db import transaction

from alliance.ecosystem.models import ApplicationField, Technology
from alliance.info.demo_archive_content import PUBLISHERS, REPORTS, SENTENCES
from alliance.info.demo_archive_files import docx_bytes, hwpx_bytes, pdf_bytes
from alliance.info.models import Publisher, PublisherVariant, Report, ReportFile
from alliance.info.queries.archive import find_publisher, publisher_key, tag_taxonomy
from alliance.info.services.archive_extraction import extract_report_file
from alliance.info.services.archive_index import index_missing_reports

FORMATS = ("pdf", "hwpx", "docx")


def _publishers() -> dict[str, str]:
    """Create the publishers and their spellings; the home page of each by name."""
    pages = {}
    for name, spellings, homepage in PUBLISHERS:
        publisher = Publisher.objects.create(name=name, key=publisher_key(name))
        for spelling in spellings:
            PublisherVariant.objects.create(publisher=publisher, name=spelling, key=publisher_key(spelling))
        pages[name] = homepage
    return pages


def _paragraphs(title: str, rng: random.Random) -> list[list[str]]:
    """Two pages of text: the title's subject, then sentences in a seeded order."""
    sentences = list(SENTENCES)
    rng.shuffle(sentences)
    return [[f"{title}에 관한 보고서를 요약한다.", *sentences[:4]], sentences[4:]]


def _file_content(file_format: str, title: str, pages: list[list[str]]) -> bytes:
    if file_format == "pdf":
        return pdf_bytes(title, pages)
    if file_format == "hwpx":
        return hwpx_bytes([[title, *pages[0]], pages[1]])
    return docx_bytes(title, [line for page in pages for line in page])


def _tags(report: Report, technologies, fields) -> None:
    def matches(facet) -> bool:
        words = [facet.name, *(facet.keywords or [])]
        return any(word and word.replace(" ", "") in report.title.replace(" ", "") for word in words)

    report.technologies.set([facet for facet in technologies if matches(facet)])
    report.application_fields.set([facet for facet in fields if matches(facet)])


def load_archive_demo(*, seed: int) -> str:
    if Report.objects.exists():
        return "보고서 아카이브 데모가 이미 있습니다."
    rng = random.Random(seed)  # noqa: S311  demo data, reproducible by seed
    taxonomy = tag_taxonomy(2025)
    technologies = list(Technology.objects.filter(taxonomy=taxonomy)) if taxonomy else []
    fields = list(ApplicationField.objects.filter(taxonomy=taxonomy)) if taxonomy else []
    files = []
    with transaction.atomic():
        homepages = _publishers()
        for index, (day, written_publisher, title) in enumerate(REPORTS):
            publisher = find_publisher(written_publisher)
            pages = _paragraphs(title, rng)
            report = Report.objects.create(
                posted_on=datetime.date.fromisoformat(day),
                publisher=publisher,
                title=title,
                summary=" ".join(pages[0][1:3]),
                source_url=homepages.get(publisher.name, ""),
            )
            _tags(report, technologies, fields)
            file_format = FORMATS[index % len(FORMATS)]
            content = _file_content(file_format, title, pages)
            report_file = ReportFile(
                report=report, original_name=f"{title[:60]}.{file_format}", format=file_format, size=len(content)
            )
            report_file.file.save(f"demo-{index + 1:02d}.{file_format}", ContentFile(content), save=True)
            files.append(report_file.pk)
    extracted = sum(extract_report_file(file_id=file_id) == "done" for file_id in files)
    index_missing_reports()  # every report searchable, whatever its file's extraction
    return f"보고서 아카이브: 2025년 보고서 {len(REPORTS)}건, 발행기관 {len(PUBLISHERS)}곳, 텍스트 추출 {extracted}건."
