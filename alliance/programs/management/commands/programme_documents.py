"""`python manage.py programme_documents PROGRAMME --out DIR [--format json]`: write every document of a
programme (applications, evaluation summary, per panel the result sheet, results, certificates and each
judge's score sheet, the post-award support record and every bonus-point certificate) into DIR, e.g. to print
them for the awards day."""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from alliance.core.management.base import BaseCommand
from alliance.programs.documents.files import programme_files
from alliance.programs.services.loading import find_programme


class Command(BaseCommand):
    help = _("Write every document of a programme (PDF and XLSX) into a directory.")

    def add_arguments(self, parser):
        parser.add_argument("programme", help=_("the programme's name or year"))
        parser.add_argument("--out", required=True, type=Path, help=_("the directory to write into"))
        parser.add_argument("--format", choices=("json", "table"), default="table")

    def handle(self, *args, programme, out, format, **options):
        try:
            found = find_programme(programme)
        except ValidationError as error:
            raise CommandError("\n".join(error.messages)) from None
        if out.exists() and not out.is_dir():
            raise CommandError(_("%(path)s is not a directory.") % {"path": out})
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for document in programme_files(found):
            content = document.build()
            (out / document.ascii_name).write_bytes(content)
            written.append({"file": document.ascii_name, "title": document.name, "bytes": len(content)})
        if format == "json":
            self.stdout.write(json.dumps({"programme": found.name, "files": written}, ensure_ascii=False))
            return
        for entry in written:
            self.stdout.write(f"{entry['file']}  {entry['bytes']:>9,}  {entry['title']}")
