"""`python manage.py governance_status --year Y [--as-of D] [--format json|text]`: a year's governance in
figures (bodies, seats, meetings held, attendance and quorum, terms ending within 60 days, proposals)."""

import datetime
import json

from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.management.base import BaseCommand
from alliance.governance.queries.status import governance_status


class Command(BaseCommand):
    help = _("Print a year's committees, meetings, attendance and proposals in figures.")

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
        status = governance_status(year=year, as_of=day)
        if output == "json":
            self.stdout.write(json.dumps(status, ensure_ascii=False, indent=2))
            return
        for body in status["bodies"]:
            self.stdout.write(
                _("%(name)s: %(seats)d seats, %(held)d of %(planned)d meetings held")
                % {
                    "name": body["name"],
                    "seats": body["seats"],
                    "held": body["meetings_held"],
                    "planned": body["meetings_planned"],
                }
            )
        for meeting in status["meetings"]:
            self.stdout.write(
                _(
                    "%(body)s meeting %(number)d (%(date)s): %(present)d present, "
                    "%(substitutes)d substitutes, %(absent)d absent"
                )
                % meeting
            )
