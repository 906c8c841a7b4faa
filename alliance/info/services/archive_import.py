"""`import_archive`: a folder of reports loaded from a manifest (CSV: 게시일, 발행기관, 제목, 파일, optional 요약,
링크; the file's path relative to the manifest's folder, several separated by `;`).

Rule: every row is checked first — the date (as Korean offices write it), the publisher (a known spelling;
close spellings are suggested), the title, each file (present, inside the folder, an accepted format whose
content matches its name, within the size bound), the link — and every problem is reported by row and
column; if any row fails nothing is written. A report already in the archive (same date, publisher and
title) is skipped, so a manifest can be loaded again after rows were added.
Side effects: the reports and files in one transaction (audit `info.archive.report_added` each and one
`info.archive.reports_imported`), text extraction queued for every file after the commit.
"""

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit
from alliance.core.korean import parse_korean_date
from alliance.info.extraction.formats import check_report_file
from alliance.info.extraction.limits import limit
from alliance.info.models import Publisher, Report
from alliance.info.queries.archive import find_publisher, publisher_key, suggest_publishers
from alliance.info.services.archive import create_report

REQUIRED = ("게시일", "발행기관", "제목", "파일")
OPTIONAL = ("요약", "링크")
MAX_MANIFEST_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000
ACTOR_LABEL = "import_archive"


class ManifestRefused(Exception):  # noqa: N818  a refusal, not a failure: the problems are the answer
    """The manifest cannot be imported: `problems` lists each (row and column, in Korean)."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class PlannedReport:
    row: int
    posted_on: object
    publisher: Publisher
    title: str
    summary: str
    source_url: str
    files: list[Path] = field(default_factory=list)


@dataclass
class ImportSummary:
    manifest: str
    created: list[dict] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)

    @property
    def file_count(self) -> int:
        return sum(len(report["files"]) for report in self.created)

    def as_dict(self) -> dict:
        return {
            "manifest": self.manifest,
            "created": len(self.created),
            "skipped": len(self.skipped),
            "files": self.file_count,
            "reports": self.created,
            "skipped_reports": self.skipped,
        }


def decode_manifest(data: bytes) -> str:
    """The manifest's text: UTF-8 with or without a byte-order mark, else CP949 (as Korean Excel saves CSV)."""
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ManifestRefused([_("The manifest is neither UTF-8 nor CP949 text: save it as CSV (UTF-8).")])


def read_manifest(path: Path) -> list[dict]:
    """The manifest's rows as {column: value} with their row number (the header is row 1)."""
    try:
        size = path.stat().st_size
        if size > MAX_MANIFEST_BYTES:
            raise ManifestRefused([_("The manifest is larger than 5MB: split it.")])
        text = decode_manifest(path.read_bytes())
    except OSError as error:
        raise ManifestRefused(
            [_("Cannot read %(file)s: %(error)s") % {"file": path, "error": error.strerror}]
        ) from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    headers = [name.strip() for name in reader.fieldnames or []]
    missing = [name for name in REQUIRED if name not in headers]
    if missing:
        raise ManifestRefused([_("The manifest lacks the column(s) %(columns)s.") % {"columns": ", ".join(missing)}])
    reader.fieldnames = headers
    rows = []
    try:
        for number, row in enumerate(reader, start=2):
            if len(rows) >= MAX_ROWS:
                raise ManifestRefused([_("The manifest has more than %(count)s rows.") % {"count": f"{MAX_ROWS:,}"}])
            values = {name: (row.get(name) or "").strip() for name in (*REQUIRED, *OPTIONAL)}
            if any(values.values()):
                rows.append({"row": number, **values})
    except csv.Error as error:
        raise ManifestRefused([_("The manifest is not valid CSV: %(error)s") % {"error": error}]) from None
    return rows


def _problem(row: int, column: str, message: str) -> str:
    return _("Row %(row)s '%(column)s': %(message)s") % {"row": row, "column": column, "message": message}


def _check_date(row: dict, problems: list[str]):
    posted_on = parse_korean_date(row["게시일"])
    if posted_on is None:
        message = _("'%(value)s' is not a date; write it as 2025-01-14.") % {"value": row["게시일"]}
        problems.append(_problem(row["row"], "게시일", message))
    return posted_on


def _check_publisher(row: dict, problems: list[str]) -> Publisher | None:
    publisher = find_publisher(row["발행기관"])
    if publisher is None:
        suggestions = suggest_publishers(row["발행기관"])
        if suggestions:
            message = _("'%(value)s' is not a known publisher. Did you mean: %(names)s?") % {
                "value": row["발행기관"],
                "names": ", ".join(suggestions),
            }
        else:
            message = _("'%(value)s' is not a known publisher; add it (or the spelling) to the publishers first.") % {
                "value": row["발행기관"]
            }
        problems.append(_problem(row["row"], "발행기관", message))
    return publisher


def _check_file(folder: Path, name: str) -> tuple[Path | None, list[str]]:
    """The file's path, or None and what is wrong with it."""
    path = (folder / name).resolve()
    if not path.is_relative_to(folder):
        return None, [_("%(name)s is outside the manifest's folder.") % {"name": name}]
    if not path.is_file():
        return None, [_("%(name)s does not exist.") % {"name": name}]
    try:
        with path.open("rb") as stream:
            size = path.stat().st_size
            check_report_file(stream, name=path.name, size=size, max_bytes=limit("MAX_FILE_BYTES"))
    except ValidationError as error:
        return None, error.messages
    return path, []


def _check_files(row: dict, folder: Path, problems: list[str]) -> list[Path]:
    names = [name.strip() for name in row["파일"].split(";") if name.strip()]
    if not names:
        problems.append(_problem(row["row"], "파일", _("no file is named.")))
    files = []
    for name in names:
        path, messages = _check_file(folder, name)
        problems.extend(_problem(row["row"], "파일", message) for message in messages)
        if path is not None:
            files.append(path)
    return files


def _check_link(row: dict, problems: list[str]) -> str:
    link = row["링크"]
    if link:
        try:
            URLValidator(schemes=("http", "https"))(link)
        except ValidationError:
            problems.append(_problem(row["row"], "링크", _("'%(value)s' is not a web address.") % {"value": link}))
    return link


def check_manifest(path: Path) -> list[PlannedReport]:
    """Every row checked; ManifestRefused with all the problems if any row fails."""
    path = Path(path).resolve()
    folder = path.parent
    problems: list[str] = []
    planned, seen = [], {}
    rows = read_manifest(path)
    if not rows:
        raise ManifestRefused([_("The manifest has no rows.")])
    for row in rows:
        posted_on = _check_date(row, problems)
        publisher = _check_publisher(row, problems)
        if not row["제목"]:
            problems.append(_problem(row["row"], "제목", _("the title is empty.")))
        files = _check_files(row, folder, problems)
        link = _check_link(row, problems)
        key = (posted_on, publisher_key(row["발행기관"]), row["제목"])
        if key in seen and row["제목"]:
            message = _("the same report as row %(row)s.") % {"row": seen[key]}
            problems.append(_problem(row["row"], "제목", message))
        seen.setdefault(key, row["row"])
        if posted_on and publisher and row["제목"]:
            planned.append(PlannedReport(row["row"], posted_on, publisher, row["제목"], row["요약"], link, files))
    if problems:
        raise ManifestRefused(problems)
    return planned


def import_manifest(*, path) -> ImportSummary:
    """Check the manifest, then write every new report and its files in one transaction (see the module)."""
    planned = check_manifest(path)
    summary = ImportSummary(manifest=str(path))
    with transaction.atomic():
        for item in planned:
            entry = {"row": item.row, "title": item.title, "posted_on": item.posted_on.isoformat()}
            existing = Report.objects.filter(posted_on=item.posted_on, publisher=item.publisher, title=item.title)
            if existing.exists():
                summary.skipped.append(entry | {"id": existing.first().pk})
                continue
            report = _create(item)
            summary.created.append(entry | {"id": report.pk, "files": [path.name for path in item.files]})
        record_audit(
            action="info.archive.reports_imported",
            target=None,
            actor_label=ACTOR_LABEL,
            after={"manifest": Path(path).name, "created": len(summary.created), "skipped": len(summary.skipped)},
        )
    return summary


def _create(item: PlannedReport) -> Report:
    streams = [path.open("rb") for path in item.files]
    try:
        uploads = [File(stream, name=path.name) for stream, path in zip(streams, item.files, strict=True)]
        return create_report(
            actor=None,
            posted_on=item.posted_on,
            publisher=item.publisher,
            title=item.title,
            summary=item.summary,
            source_url=item.source_url,
            uploads=uploads,
            max_file_bytes=limit("MAX_FILE_BYTES"),
        )
    finally:
        for stream in streams:
            stream.close()
