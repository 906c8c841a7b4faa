"""`python manage.py import_members FILE [--dry-run] [--skip-invalid] [--format json]`.

Every row is validated first; with any invalid row nothing is written and the command exits non-zero,
listing each problem as "N행 '열이름': 이유". With --skip-invalid the valid rows are imported and the
rejected ones written to an XLSX report (original columns plus 오류) whose path is printed.
"""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alliance.core.management.base import BaseCommand
from alliance.members.services.exporting import rejected_report_bytes
from alliance.members.services.importing import ImportResult, import_members
from alliance.members.services.importing_read import ImportFileError


class Command(BaseCommand):
    help = "Import member organisations from an XLSX or CSV file with Korean headers."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="validate and count, write nothing")
        parser.add_argument("--skip-invalid", action="store_true", help="import the valid rows, report the others")
        parser.add_argument("--report", type=Path, help="where to write rejected rows (default: next to FILE)")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            return self._handle(options)

    def _handle(self, options):
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(_("No such file: %(path)s") % {"path": path})
        try:
            result = import_members(
                path=path,
                actor_label="import_members",
                dry_run=options["dry_run"],
                skip_invalid=options["skip_invalid"],
            )
        except ImportFileError as error:
            raise CommandError(error.message) from error
        report = None
        if result.rejected_rows and options["skip_invalid"] and not options["dry_run"]:
            stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
            report = options["report"] or path.with_name(f"{path.stem}_오류행_{stamp}.xlsx")
            report.write_bytes(rejected_report_bytes(result))
        self._print(result, report, options["format"])
        if result.problems and not options["skip_invalid"]:
            message = _("Nothing was imported: the file has %(count)s problem(s).")
            raise CommandError(message % {"count": len(result.problems)})

    def _print(self, result: ImportResult, report: Path | None, fmt: str) -> None:
        if fmt == "json":
            data = result.summary() | {"report": str(report) if report else None}
            self.stdout.write(json.dumps(data, ensure_ascii=False))
            return
        for problem in result.problems:
            self.stderr.write(str(problem))
        counts = {
            "file": result.file_name,
            "rows": f"{result.total_rows:,}",
            "created": f"{result.created:,}",
            "updated": f"{result.updated:,}",
            "unchanged": f"{result.unchanged:,}",
            "rejected": f"{result.rejected:,}",
        }
        self.stdout.write(
            _(
                "%(file)s: %(rows)s rows — created %(created)s, updated %(updated)s, unchanged %(unchanged)s, "
                "rejected %(rejected)s"
            )
            % counts
        )
        if result.dry_run:
            self.stdout.write(_("Dry run: nothing was saved."))
        if report:
            self.stdout.write(_("Rejected rows report: %(path)s") % {"path": report})
