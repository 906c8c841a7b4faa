"""`python manage.py newsletter_calendar --from YYYY-MM-DD --to YYYY-MM-DD [--format json|text]`: the
newsletter's publishing dates (Monday to Friday without Korean public holidays, with the staff's overrides)."""

import datetime
import json

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from alliance.core.management.base import BaseCommand
from alliance.info.queries.newsletter_calendar import MAX_RANGE_DAYS, SATURDAY, holiday_name, publishing_dates


def _date_option(option: str, value: str) -> datetime.date:
    try:
        if len(value) != len("YYYY-MM-DD"):
            raise ValueError(value)
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            _("%(option)s: write a date as YYYY-MM-DD (given: %(value)s).") % {"option": option, "value": value}
        ) from None


class Command(BaseCommand):
    help = _("Print the newsletter's publishing dates between two days.")

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", required=True, help=_("the first day (YYYY-MM-DD)"))
        parser.add_argument("--to", dest="end", required=True, help=_("the last day (YYYY-MM-DD)"))
        parser.add_argument("--format", dest="output", choices=("json", "text"), default="text", help=_("json or text"))

    def handle(self, *args, start, end, output, **options):
        first, last = _date_option("--from", start), _date_option("--to", end)
        if last < first:
            raise CommandError(_("--to: the last day comes before --from (%(start)s).") % {"start": start})
        if (last - first).days > MAX_RANGE_DAYS:
            raise CommandError(_("--to: ask for three years at most."))
        dates = publishing_dates(first, last)
        if output == "json":
            self.stdout.write(json.dumps([day.isoformat() for day in dates]))
            return
        for day in dates:
            self.stdout.write(day.isoformat())
        every_day = [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]
        closed = [day for day in every_day if day.weekday() < SATURDAY and day not in dates]
        for day in closed:
            self.stdout.write(
                _("%(day)s: no edition (%(why)s)") % {"day": day.isoformat(), "why": holiday_name(day) or _("override")}
            )
