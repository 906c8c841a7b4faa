"""`python manage.py backup --out DIR [--format json]`: the database, the stored files and a manifest, in DIR.

DIR must not exist yet (or be empty); it appears only once the backup is whole (alliance/core/backup.py).
"""

import json
from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from alliance.core.backup import BackupError, write_backup
from alliance.core.management.base import BaseCommand


class Command(BaseCommand):
    help = _("Write a consistent backup: the database, the stored files and a manifest of counts and checksums.")

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, help=_("the folder to create"))
        parser.add_argument("--format", choices=("json", "text"), default="text")

    def handle(self, *args, out: str, format: str, **options):
        try:
            manifest = write_backup(Path(out))
        except BackupError as error:
            raise CommandError(str(error)) from None
        rows = sum(manifest["counts"].values())
        if format == "json":
            summary = {"out": out, "engine": manifest["engine"], "rows": rows, "files": len(manifest["files"])}
            self.stdout.write(json.dumps(summary, ensure_ascii=False))
            return
        self.stdout.write(
            _("Backup written to %(out)s: %(rows)s rows in %(tables)s tables, %(files)s files.")
            % {"out": out, "rows": rows, "tables": len(manifest["counts"]), "files": len(manifest["files"])}
        )
