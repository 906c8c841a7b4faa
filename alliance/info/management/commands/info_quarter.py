"""`python manage.py info_quarter --year 2025 --quarter 4 [--format json|table]`: the information services'
figures of a quarter (reports posted, editions sent, promotions relayed, posts, visits), as the quarterly briefing
reports them."""

import json

from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.management.base import BaseCommand
from alliance.info.queries.quarterly import quarter_figures


class Command(BaseCommand):
    help = _("Print the information services' figures of a quarter.")

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, default=None, help=_("the year (default: this year)"))
        parser.add_argument("--quarter", type=int, required=True, help=_("the quarter, 1 to 4"))
        parser.add_argument("--format", choices=("json", "table"), default="table")

    def handle(self, *args, year, quarter, format, **options):
        if quarter not in (1, 2, 3, 4):
            raise CommandError(_("--quarter must be 1, 2, 3 or 4 (got %(quarter)s).") % {"quarter": quarter})
        figures = quarter_figures(year or timezone.localdate().year, quarter)
        if format == "json":
            self.stdout.write(json.dumps(figures.as_dict(), ensure_ascii=False))
            return
        rows = [
            (_("Reports posted"), figures.reports_posted),
            (_("Newsletter editions sent"), figures.editions_sent),
            (_("Partner agencies' promotions relayed"), figures.promotions_relayed),
            (_("Calls and events e-mailed"), figures.mailings),
            (_("Notices posted"), figures.notices_posted),
            (_("Alliance news posted"), figures.news_posted),
            (_("Homepage visits"), figures.visits),
        ]
        self.stdout.write(_("%(year)s, quarter %(quarter)s") % {"year": figures.year, "quarter": figures.quarter})
        for label, value in rows:
            self.stdout.write(f"{label}\t{value:,}")
