"""`python manage.py visits_report --year 2025 [--format json|table]`: a year's monthly visits and top pages."""

import json

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from alliance.core.management.base import BaseCommand
from alliance.info.queries.analytics import visits_report


class Command(BaseCommand):
    help = _("Print a year's visits by month, the total and the most viewed pages.")

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, default=None, help=_("the year (default: this year)"))
        parser.add_argument("--format", choices=("json", "table"), default="table")

    def handle(self, *args, year, format, **options):
        report = visits_report(year or timezone.localdate().year)
        if format == "json":
            self.stdout.write(json.dumps(report, ensure_ascii=False))
            return
        for month, visits in report["months"].items():
            self.stdout.write(f"{month}\t{visits:,}")
        total = pgettext("analytics", "Total")
        self.stdout.write(f"{total}\t{report['total']:,}")
        for page in report["top_pages"]:
            self.stdout.write(f"{page['path']}\t{page['views']:,}\t{page['share']}%")
