"""`python manage.py member_stats [--as-of YYYY-MM-DD] [--format json|table]`: member statistics as of a date."""

import datetime
import json
import unicodedata

from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from alliance.core.management.base import BaseCommand
from alliance.members.statistics import member_statistics, summary


def _date(value: str) -> datetime.date:
    try:
        return datetime.datetime.strptime(value, "%Y-%m-%d").date()  # noqa: DTZ007  a calendar date, no time
    except ValueError:
        raise CommandError(
            _("--as-of: “%(value)s” is not a date written as YYYY-MM-DD (for example 2025-12-31).") % {"value": value}
        ) from None


class Command(BaseCommand):
    help = _("Print the member statistics as of a date: counts per category, 시·도 and Seoul zone.")

    def add_arguments(self, parser):
        parser.add_argument("--as-of", default="", help=_("the date, YYYY-MM-DD (default: today)"))
        parser.add_argument("--format", choices=("json", "table"), default="table")

    def handle(self, *args, as_of, format, **options):
        day = _date(as_of) if as_of else timezone.localdate()
        if day.year < 1900:
            raise CommandError(_("--as-of: enter a date from 1900-01-01 on (given: %(value)s).") % {"value": as_of})
        stats = member_statistics(day)
        if format == "json":
            self.stdout.write(json.dumps(summary(stats), ensure_ascii=False))
            return
        self._table(stats)

    def _table(self, stats) -> None:
        status = stats.status
        self.stdout.write(_("Member status as of %(date)s") % {"date": status.as_of.isoformat()})
        self.stdout.write(
            _("Total %(count)s (%(change)s)") % {"count": f"{status.total.count:,}", "change": status.change_phrase()}
        )
        self.stdout.write("")
        self._rows(
            (_("Category"), status.as_of.isoformat(), status.previous_on.isoformat(), pgettext("statistics", "Change")),
            [(row.key, f"{row.count:,}", f"{row.previous:,}", f"{row.change:+,}") for row in status.rows],
        )
        for title, table in ((_("By province"), stats.regions), (_("Seoul by zone"), stats.seoul_zones)):
            self.stdout.write("")
            self.stdout.write(title)
            self._rows(
                (_("Category"), _("Members"), _("Share (%)"), _("Employees"), _("Share (%)")),
                [
                    (row.key, f"{row.count:,}", f"{row.share}", f"{row.employees:,}", f"{row.employee_share}")
                    for row in table.rows
                ],
            )

    def _rows(self, header, rows) -> None:
        widths = [max(_width(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]
        for row in (header, *rows):
            cells = [
                _pad(str(cell), width, left=index == 0)
                for index, (cell, width) in enumerate(zip(row, widths, strict=True))
            ]
            self.stdout.write("  ".join(cells).rstrip())


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, *, left: bool) -> str:
    space = " " * (width - _width(text))
    return text + space if left else space + text
