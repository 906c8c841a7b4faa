"""Writing the report archive: reports, their files and versions, and (re)queuing text extraction.

Rule: a report has a posting date, a publisher from the staff's list and a title; its files are PDF, HWP,
HWPX, DOCX or PPTX, checked by name and content (alliance/info/extraction/formats.py). Replacing a file adds
a new version and keeps the old one (no longer current). Every new file's text is extracted in the
background; staff may run the extraction again. The report's search index follows every change
(services/archive_index.py): at once for its record and a replaced file, after extraction for a file's text.
Side effects: the rows and stored files, an audit entry per change, an extraction task per new file (after
the commit), the report's search index.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit, snapshot
from alliance.core.tasks import enqueue_on_commit
from alliance.core.versions import bump_version, check_version
from alliance.info.extraction.formats import check_report_file
from alliance.info.models import ExtractionState, Report, ReportFile
from alliance.info.services.archive_index import index_report, remove_report
from alliance.info.tasks import extract_report_file_text

REPORT_FIELDS = ("posted_on", "publisher_id", "title", "summary", "source_url")


def _checked(upload, *, max_bytes: int | None) -> str:
    return check_report_file(upload, name=upload.name, size=upload.size, max_bytes=max_bytes)


def _store(report: Report, upload, *, file_format: str, actor, replaces: ReportFile | None = None) -> ReportFile:
    """A new current file row for `upload` (stored under a random name, its own name kept for downloads)."""
    report_file = ReportFile(
        report=report,
        original_name=upload.name.rsplit("/", 1)[-1][:200],
        format=file_format,
        size=upload.size,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
        replaces=replaces,
        version=replaces.version + 1 if replaces else 1,
    )
    upload.seek(0)
    report_file.file.save(f"{uuid.uuid4().hex}.{file_format}", upload, save=False)
    report_file.save()
    enqueue_on_commit(extract_report_file_text, file_id=report_file.pk)
    return report_file


def _set_tags(report: Report, technologies, application_fields) -> None:
    if technologies is not None:
        report.technologies.set(technologies)
    if application_fields is not None:
        report.application_fields.set(application_fields)


def create_report(
    *,
    actor,
    posted_on,
    publisher,
    title: str,
    summary: str = "",
    source_url: str = "",
    technologies=(),
    application_fields=(),
    uploads=(),
    max_file_bytes: int | None = None,
) -> Report:
    """A new report with its files (each checked first: nothing is written when one is refused).

    Side effects: the report, its files (extraction queued for each); audit `info.archive.report_added`.
    """
    if not title.strip():
        raise ValidationError(_("Write the report's title."), code="title")
    formats = [_checked(upload, max_bytes=max_file_bytes or settings.MAX_UPLOAD_BYTES) for upload in uploads]
    with transaction.atomic():
        report = Report.objects.create(
            posted_on=posted_on,
            publisher=publisher,
            title=title.strip(),
            summary=summary.strip(),
            source_url=source_url.strip(),
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        _set_tags(report, technologies, application_fields)
        for upload, file_format in zip(uploads, formats, strict=True):
            _store(report, upload, file_format=file_format, actor=actor)
        record_audit(
            action="info.archive.report_added",
            actor=actor,
            target=report,
            after=snapshot(report, REPORT_FIELDS) | {"files": [upload.name for upload in uploads]},
        )
        index_report(report_id=report.pk)
    return report


def update_report(
    *,
    actor,
    report: Report,
    posted_on,
    publisher,
    title: str,
    summary: str,
    source_url: str,
    technologies=None,
    application_fields=None,
    expected_version: int | None = None,
) -> Report:
    """Change a report's record (its files are added or replaced separately).

    Refused with core.versions.StaleEditError, nothing written, when the record was changed since
    `expected_version` (its form's).
    Side effects: the row, its version and its tags; audit `info.archive.report_changed` with what changed.
    """
    if not title.strip():
        raise ValidationError(_("Write the report's title."), code="title")
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        check_version(report, expected_version)
        before = snapshot(report, REPORT_FIELDS) | {"tags": report.tag_names}
        report.posted_on, report.publisher, report.title = posted_on, publisher, title.strip()
        report.summary, report.source_url = summary.strip(), source_url.strip()
        bump_version(report)
        report.save()
        _set_tags(report, technologies, application_fields)
        after = snapshot(report, REPORT_FIELDS) | {"tags": report.tag_names}
        changed_keys = [key for key in after if before[key] != after[key]]
        record_audit(
            action="info.archive.report_changed",
            actor=actor,
            target=report,
            before={key: before[key] for key in changed_keys},
            after={key: after[key] for key in changed_keys},
        )
        index_report(report_id=report.pk)
    return report


def add_report_file(*, actor, report: Report, upload, max_file_bytes: int | None = None) -> ReportFile:
    """Attach a new file to a report. Side effects: the file row and stored file, extraction queued; audit
    `info.archive.file_added`."""
    file_format = _checked(upload, max_bytes=max_file_bytes or settings.MAX_UPLOAD_BYTES)
    with transaction.atomic():
        report_file = _store(report, upload, file_format=file_format, actor=actor)
        record_audit(
            action="info.archive.file_added", actor=actor, target=report, after={"file": report_file.original_name}
        )
    return report_file


def replace_report_file(*, actor, report_file: ReportFile, upload) -> ReportFile:
    """A new version of a file: the new one becomes current, the old one is kept as an earlier version.

    Rule: only the current version is replaced. Side effects: the new row and stored file, the old row no
    longer current, extraction queued; audit `info.archive.file_replaced`.
    """
    file_format = _checked(upload, max_bytes=settings.MAX_UPLOAD_BYTES)
    with transaction.atomic():
        old = ReportFile.objects.select_for_update().get(pk=report_file.pk)
        if not old.is_current:
            raise ValidationError(_("Only the current version of a file can be replaced."), code="not_current")
        old.is_current = False
        old.save(update_fields=["is_current"])
        new = _store(old.report, upload, file_format=file_format, actor=actor, replaces=old)
        record_audit(
            action="info.archive.file_replaced",
            actor=actor,
            target=old.report,
            before={"file": old.original_name, "version": old.version},
            after={"file": new.original_name, "version": new.version},
        )
        index_report(report_id=old.report_id)  # the replaced version's text leaves the search now
    return new


def rerun_extraction(*, actor, report_file: ReportFile) -> ReportFile:
    """Extract a file's text again (after a failure, or with better readers).

    Side effects: the file back to pending, extraction queued; audit `info.archive.extraction_rerun`.
    """
    with transaction.atomic():
        report_file = ReportFile.objects.select_for_update().get(pk=report_file.pk)
        before = report_file.extraction_state
        report_file.extraction_state, report_file.extraction_error = ExtractionState.PENDING, ""
        report_file.save(update_fields=["extraction_state", "extraction_error"])
        enqueue_on_commit(extract_report_file_text, file_id=report_file.pk)
        record_audit(
            action="info.archive.extraction_rerun",
            actor=actor,
            target=report_file.report,
            before={"file": report_file.original_name, "state": before},
        )
    return report_file


def set_report_published(*, actor, report: Report, published: bool) -> Report:
    """Take a report off the public site (게시 중단) or publish it again.

    Rule: an unpublished report is kept whole (record, files, versions, search index) but nothing of it is
    public: the list, the search, the export, its page and files answer as if it did not exist, except to staff.
    Side effects: the flag; audit `info.archive.report_unpublished` / `info.archive.report_republished`
    (nothing when it already was so).
    """
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        if report.published == published:
            return report
        report.published = published
        report.save(update_fields=["published", "updated_at"])
        action = "info.archive.report_republished" if published else "info.archive.report_unpublished"
        record_audit(action=action, actor=actor, target=report, before={"published": not published},
                     after={"published": published})  # fmt: skip
    return report


def delete_report(*, actor, report: Report) -> None:
    """Delete a report with every version of its files.

    Rule (docs/apps/info.md, "Deleting"): a deleted report keeps nothing public and nothing stored — its record,
    its files and their earlier versions (kept while the report lived, for staff), their stored bytes and its
    search document all go; the audit entry keeps what it was (title, publisher, date, file names).
    Side effects: the rows; the stored files (after the commit); the search index; audit
    `info.archive.report_deleted`.
    """
    with transaction.atomic():
        report = Report.objects.select_for_update().select_related("publisher").get(pk=report.pk)
        files = list(report.files.defer("extracted_text").order_by("original_name", "version"))
        record_audit(
            action="info.archive.report_deleted",
            actor=actor,
            target=report,
            before={
                "title": report.title,
                "publisher": report.publisher.name,
                "posted_on": report.posted_on.isoformat(),
                "files": [f"{report_file.original_name} v{report_file.version}" for report_file in files],
            },
        )
        stored = [report_file.file for report_file in files]
        report_id = report.pk
        report.delete()
        remove_report(report_id=report_id)
        transaction.on_commit(lambda: [field.delete(save=False) for field in stored])
