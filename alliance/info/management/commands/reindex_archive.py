"""`python manage.py reindex_archive [--format json]`: rebuild the report archive's search index from the
reports and their files' extracted text (alliance/info/services/archive_index.py)."""

import json

from django.utils.translation import gettext as _

from alliance.core.management.base import BaseCommand
from alliance.info.services.archive_index import rebuild_archive_index


class Command(BaseCommand):
    help = _("Rebuild the report archive's search index from the reports and their files' text.")

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=("text", "json"), default="text", help=_("how to print the summary"))

    def handle(self, *args, format, **options):
        summary = rebuild_archive_index()
        if format == "json":
            self.stdout.write(json.dumps(summary.as_dict(), ensure_ascii=False))
            return
        self.stdout.write(
            _("Indexed %(indexed)s of %(reports)s report(s), with the text of %(files)s file(s).")
            % {"indexed": summary.indexed, "reports": summary.reports, "files": summary.files_with_text}
        )
