"""`python manage.py match_mentors PROGRAMME --round N [--format json]`: match unmatched groups by field."""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from alliance.core.management.base import BaseCommand
from alliance.programs.models.mentoring import ROUNDS
from alliance.programs.queries import mentoring as queries_mentoring
from alliance.programs.services.loading import find_programme
from alliance.programs.services.mentoring import match_by_field


class Command(BaseCommand):
    help = _("Match every group still without a mentor in a round to the least-loaded mentor of its field.")

    def add_arguments(self, parser):
        parser.add_argument("programme", help=_("the programme's name or year"))
        parser.add_argument("--round", dest="round_number", type=int, choices=ROUNDS, required=True)
        parser.add_argument("--format", choices=("json", "text"), default="text")

    def handle(self, *args, programme, round_number, format, **options):
        try:
            found = find_programme(programme)
            matched = match_by_field(actor=None, programme=found, round_number=round_number)
        except ValidationError as error:
            raise CommandError("\n".join(error.messages)) from None
        unmatched = [
            row.group.name
            for row in queries_mentoring.round_overview(found, round_number)
            if row.lacking == queries_mentoring.LACKS_MENTOR
        ]
        if format == "json":
            self.stdout.write(json.dumps({"matched": matched, "unmatched": unmatched}, ensure_ascii=False))
            return
        self.stdout.write(_("%(count)d groups were matched to a mentor.") % {"count": matched})
        for name in unmatched:
            self.stdout.write(_("Still without a mentor: %(group)s") % {"group": name})
