"""`python manage.py export_members --out FILE.xlsx|FILE.csv [--public]`.

Without --public: the whole registry (withdrawn members and contacts included) under the import's
headers, so the file re-imports without changes. With --public: the directory's current members, no
contacts and no registration numbers.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from alliance.core.management.base import BaseCommand
from alliance.members import queries
from alliance.members.services import exporting


class Command(BaseCommand):
    help = "Export the member registry (or, with --public, the directory) as XLSX or CSV."

    def add_arguments(self, parser):
        parser.add_argument("--out", type=Path, required=True, help="FILE.xlsx or FILE.csv")
        parser.add_argument("--public", action="store_true", help="the public directory: no contacts")

    def handle(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            path: Path = options["out"]
            fmt = path.suffix.lower().lstrip(".")
            if fmt not in exporting.FORMATS:
                raise CommandError(_("The output file must end in .xlsx or .csv: %(path)s") % {"path": path})
            if options["public"]:
                headers = exporting.DIRECTORY_HEADERS
                rows = exporting.directory_rows(queries.directory_organisations({}))
            else:
                headers, rows = exporting.REGISTRY_HEADERS, exporting.registry_rows(exporting.registry_queryset())
            count = 0

            def counted():
                nonlocal count
                for row in rows:
                    count += 1
                    yield row

            with path.open("wb") as stream:
                exporting.write(fmt, headers, counted(), stream)
            self.stdout.write(_("Wrote %(count)s organisations to %(path)s") % {"count": f"{count:,}", "path": path})
