"""`python manage.py restore DIR [--force] [--format json]`: restore a backup written by `backup`.

Refuses a damaged backup, and a database or storage that already holds data unless --force; after restoring,
checks the row counts and file checksums against the manifest and exits non-zero when one differs.
"""

import json
from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from alliance.core.backup import BackupError, restore_backup
from alliance.core.management.base import BaseCommand


class Command(BaseCommand):
    help = _("Restore a backup onto an empty database and file storage, and check it against its manifest.")

    def add_arguments(self, parser):
        parser.add_argument("folder", help=_("the backup's folder"))
        parser.add_argument("--force", action="store_true", help=_("replace a database or storage that holds data"))
        parser.add_argument("--format", choices=("json", "text"), default="text")

    def handle(self, *args, folder: str, force: bool, format: str, **options):
        try:
            report = restore_backup(Path(folder), force=force)
        except BackupError as error:
            raise CommandError(str(error)) from None
        rows = sum(report.counts.values())
        if format == "json":
            summary = {"rows": rows, "files": report.files, "problems": report.problems}
            self.stdout.write(json.dumps(summary, ensure_ascii=False))
        else:
            self.stdout.write(_("Restored %(rows)s rows and %(files)s files.") % {"rows": rows, "files": report.files})
            for problem in report.problems:
                self.stderr.write(problem)
        if report.problems:
            raise CommandError(_("The restored platform does not match the backup's manifest."))
