"""`python manage.py import_archive MANIFEST.csv [--format json]`: load a folder of reports into the archive
(alliance/info/services/archive_import.py): every row checked first, nothing written if one fails."""

import json

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from alliance.core.management.base import BaseCommand
from alliance.info.services.archive_import import ManifestRefused, import_manifest


class Command(BaseCommand):
    help = _(
        "Load reports into the archive from a CSV manifest (columns 게시일, 발행기관, 제목, 파일, optional 요약, 링크; "
        "files relative to the manifest's folder). Every row is checked first; nothing is written if one fails."
    )

    def add_arguments(self, parser):
        parser.add_argument("manifest", help=_("the manifest (CSV, UTF-8 or CP949)"))
        parser.add_argument("--format", choices=("text", "json"), default="text", help=_("how to print the summary"))

    def handle(self, *args, manifest, format, **options):
        try:
            summary = import_manifest(path=manifest)
        except ManifestRefused as refused:
            for problem in refused.problems:
                self.stderr.write(problem)
            raise CommandError(
                _("%(count)s problem(s) found; nothing was imported.") % {"count": len(refused.problems)}
            ) from None
        if format == "json":
            self.stdout.write(json.dumps(summary.as_dict(), ensure_ascii=False))
            return
        self.stdout.write(
            _(
                "Imported %(created)s report(s) with %(files)s file(s); %(skipped)s already in the archive were "
                "skipped. Their text is being extracted."
            )
            % {"created": len(summary.created), "files": summary.file_count, "skipped": len(summary.skipped)}
        )
