"""`python manage.py import_access_log FILE --format combined [--dry-run] [--host HOST]`: count page views and
visits from a web server's access log with the recording rules (alliance/info/services/analytics_access_log.py)
and add them to the recorded views, for a site that counts at its proxy instead of in the application."""

from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from alliance.core.management.base import BaseCommand
from alliance.info.services.analytics_access_log import import_access_log


class Command(BaseCommand):
    help = _("Count page views and visits from an access log (combined format) and add them to the recorded ones.")

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("the access log (plain text; - for standard input)"))
        parser.add_argument("--format", choices=("combined",), default="combined")
        parser.add_argument("--host", default="", help=_("this site's host name (default: SITE_URL's)"))
        parser.add_argument("--dry-run", action="store_true", help=_("count and print, write nothing"))

    def handle(self, *args, file, host, dry_run, **options):
        own_host = host or urlsplit(settings.SITE_URL).hostname or ""
        if file == "-":
            count = import_access_log(lines=self.stdin_lines(), own_host=own_host, dry_run=dry_run)
        else:
            path = Path(file)
            if not path.is_file():
                raise CommandError(_("%(file)s: no such file.") % {"file": file})
            with path.open(encoding="utf-8", errors="replace") as lines:
                count = import_access_log(lines=lines, own_host=own_host, dry_run=dry_run)
        for day, totals in sorted(count.days.items()):
            self.stdout.write(f"{day.isoformat()}\t{totals.views}\t{totals.visits}")
        self.stdout.write(
            _(
                "%(lines)s lines: %(views)s page views in %(visits)s visits; %(skipped)s lines not counted "
                "(files, bots, other methods or statuses); %(malformed)s lines not in the combined format."
            )
            % {
                "lines": f"{count.lines:,}",
                "views": f"{count.views:,}",
                "visits": f"{count.visits:,}",
                "skipped": f"{count.not_counted:,}",
                "malformed": f"{count.malformed:,}",
            }
        )
        if count.first_malformed:
            self.stdout.write(_("First line not in the combined format: %(line)s.") % {"line": count.first_malformed})
        if dry_run:
            self.stdout.write(_("Dry run: nothing was written."))

    @staticmethod
    def stdin_lines():
        import sys  # noqa: PLC0415  only when reading standard input

        yield from sys.stdin
