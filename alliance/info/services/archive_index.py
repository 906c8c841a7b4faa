"""The report archive's search index: every report in core's Korean full-text index (core/fulltext) as kind
`info.report` — its title as the title; its summary, publisher (name and spellings) and tags as the summary;
the extracted text of its current files as the body — dated by its posting date.

Rule: a report is indexed when it is created or changed, when one of its files is replaced, and when a file's
extraction ends (`archive_extraction.report_text_changed`); only the text of current files whose extraction
succeeded is indexed: an encrypted or distribution-locked (배포용) file's placeholder never is, nor a replaced
version's text. A report that is gone leaves the index through `remove_report` and the periodic job
`info_index_reports` (every 5 minutes), which also indexes any report the index lacks; searches only ever
look among existing reports. `rebuild_archive_index` (`manage.py reindex_archive`) rebuilds it all.
Side effects: the index rows only (no audit: the index is rebuilt from the reports at any time).
"""

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from itertools import islice

from django.db.models import Prefetch

from alliance.core.fulltext.services import Text, index_document, index_documents, remove_document, remove_kind
from alliance.core.models import FullTextDocument
from alliance.info.models import ExtractionState, PublisherVariant, Report, ReportFile
from alliance.info.queries.archive_search import REPORT_KIND

KIND = REPORT_KIND
# Reports read at once while rebuilding (their files' texts are in memory together).
REBUILD_CHUNK = 200


def _indexed_files() -> Prefetch:
    """The files whose text is indexed: current and extracted (never a locked file's placeholder)."""
    files = ReportFile.objects.filter(is_current=True, extraction_state=ExtractionState.DONE).order_by(
        "original_name", "pk"
    )
    return Prefetch("files", queryset=files.only("pk", "report_id", "extracted_text"), to_attr="indexed_files")


def _readable() -> Iterable:
    return Report.objects.select_related("publisher").prefetch_related(
        Prefetch("publisher__variants", queryset=PublisherVariant.objects.only("pk", "publisher_id", "name")),
        "technologies",
        "application_fields",
        _indexed_files(),
    )


def report_text(report: Report) -> Text:
    """A report's document (read with `_readable`'s prefetches)."""
    spellings = [report.publisher.name, *(variant.name for variant in report.publisher.variants.all())]
    return Text(
        object_id=report.pk,
        title=report.title,
        dated=report.posted_on,
        summary="\n".join(part for part in (report.summary, " ".join(spellings), " ".join(report.tag_names)) if part),
        body="\n\n".join(report_file.extracted_text for report_file in report.indexed_files),
    )


def index_report(*, report_id: int) -> bool:
    """Index (or re-index) one report; a report gone meanwhile leaves the index. Returns whether it is indexed.

    Rule and side effects: as the module's."""
    report = _readable().filter(pk=report_id).first()
    if report is None:
        remove_report(report_id=report_id)
        return False
    text = report_text(report)
    index_document(
        kind=KIND, object_id=text.object_id, title=text.title, summary=text.summary, body=text.body, dated=text.dated
    )
    return True


def remove_report(*, report_id: int) -> None:
    """Take a report out of the search (when deleted). Side effects: the index rows only."""
    remove_document(kind=KIND, object_id=report_id)


def _texts(reports) -> Iterator[Text]:
    """The reports' documents, read REBUILD_CHUNK reports at a time (ids first: no open cursor while writing)."""
    ids = iter(list(reports.order_by("pk").values_list("pk", flat=True)))
    while chunk := list(islice(ids, REBUILD_CHUNK)):
        yield from (report_text(report) for report in _readable().filter(pk__in=chunk).order_by("pk"))


@dataclass(frozen=True)
class IndexSummary:
    reports: int
    indexed: int
    removed: int
    files_with_text: int

    def as_dict(self) -> dict:
        return asdict(self)


def rebuild_archive_index() -> IndexSummary:
    """Empty the archive's index and index every report again (`manage.py reindex_archive`).

    Rule: the other kinds' documents (the newsletter's) are untouched. Side effects: the index rows only."""
    removed = FullTextDocument.objects.filter(kind=KIND).count()
    remove_kind(kind=KIND)
    indexed = index_documents(kind=KIND, texts=_texts(Report.objects.all()), fresh=True)
    return IndexSummary(
        reports=Report.objects.count(),
        indexed=indexed,
        removed=removed,
        files_with_text=ReportFile.objects.filter(is_current=True, extraction_state=ExtractionState.DONE).count(),
    )


def index_missing_reports() -> str:
    """The periodic job (and the demo's last step): index the reports the index lacks, remove the documents of
    reports that are gone."""
    indexed = FullTextDocument.objects.filter(kind=KIND)
    gone = list(indexed.exclude(object_id__in=Report.objects.values("pk")).values_list("object_id", flat=True))
    for report_id in gone:
        remove_report(report_id=report_id)
    missing = Report.objects.exclude(pk__in=indexed.values("object_id"))
    count = index_documents(kind=KIND, texts=_texts(missing))
    return f"{count} archive reports indexed, {len(gone)} removed"
