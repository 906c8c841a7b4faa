"""`python manage.py kpi_report --year Y [--as-of D] [--format json|text]`: the year's indicators with their
baseline, target and actual as of a day (today when omitted)."""

import datetime
import json

from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.management.base import BaseCommand
from alliance.reports.queries.indicators import kpi_report


def _figure(value) -> str:
    return "-" if value is None else f"{value:,}"


class Command(BaseCommand):
    help = _("Print the year's indicators: baseline, target and actual as of a day.")

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help=_("the year"))
        parser.add_argument("--as-of", dest="as_of", default=None, help=_("the day counted to (YYYY-MM-DD; today)"))
        parser.add_argument("--format", dest="output", choices=("json", "text"), default="text", help=_("json or text"))

    def handle(self, *args, year, as_of, output, **options):
        try:
            day = datetime.date.fromisoformat(as_of) if as_of else timezone.localdate()
        except ValueError:
            raise CommandError(
                _("--as-of: write a date as YYYY-MM-DD (given: %(value)s).") % {"value": as_of}
            ) from None
        report = kpi_report(year, day)
        if output == "json":
            self.stdout.write(json.dumps(report, ensure_ascii=False))
            return
        headers = (_("Indicator"), _("Unit"), _("Baseline"), _("Target"), _("Actual"))
        rows = [
            (row["name"], row["unit"], _figure(row["baseline"]), _figure(row["target"]), _figure(row["actual"]))
            for row in report["indicators"]
        ]
        self.stdout.write(_("Indicators of %(year)s as of %(day)s") % {"year": year, "day": report["as_of"]})
        widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]
        for line in (headers, *rows):
            self.stdout.write("  ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True)))
