"""`python manage.py import_visits FILE.csv`: the old site's monthly visit totals (columns 연도, 월, 방문수) as
history for the visits report. Errors are listed by row and nothing is written when there is any."""

from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from alliance.core.management.base import BaseCommand
from alliance.info.services.analytics_history import VisitsImportError, import_visits


class Command(BaseCommand):
    help = _("Load past monthly visit totals from a CSV file (columns 연도, 월, 방문수; UTF-8 or CP949).")

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("the CSV file"))

    def handle(self, *args, file, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("%(file)s: no such file.") % {"file": file})
        try:
            outcome = import_visits(data=path.read_bytes(), source=f"import_visits {path.name}")
        except VisitsImportError as error:
            raise CommandError(
                _("Nothing was imported:") + "\n" + "\n".join(f"- {line}" for line in error.errors)
            ) from None
        self.stdout.write(
            _("%(months)s months imported (%(total)s visits); %(skipped)s rows without a figure skipped.")
            % {"months": outcome.months, "total": f"{outcome.total:,}", "skipped": outcome.skipped}
        )
