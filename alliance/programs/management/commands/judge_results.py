"""`python manage.py judge_results PROGRAMME --stage final --format json`: the ranking of every track."""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from alliance.core.management.base import BaseCommand
from alliance.programs.models import Panel
from alliance.programs.services.loading import find_programme
from alliance.programs.services.results import results_as_json


class Command(BaseCommand):
    help = _("Print a panel's results per track: group, score and rank, ordered by rank.")

    def add_arguments(self, parser):
        parser.add_argument("programme", help=_("the programme's name or year"))
        parser.add_argument("--stage", choices=Panel.Kind.values, default=Panel.Kind.FINAL)
        parser.add_argument("--format", choices=("json", "table"), default="table")

    def handle(self, *args, programme, stage, format, **options):
        try:
            found = find_programme(programme)
            panel = Panel.objects.filter(programme=found, kind=stage).select_related("programme").first()
            if panel is None:
                raise ValidationError(_("The programme has no %(stage)s panel.") % {"stage": stage})
            results = results_as_json(panel)
        except ValidationError as error:
            raise CommandError("\n".join(error.messages)) from None
        if format == "json":
            self.stdout.write(json.dumps(results, ensure_ascii=False))
            return
        self.stdout.write(_("Rule: %(rule)s") % {"rule": results["rule"]})
        for code, rows in results["tracks"].items():
            self.stdout.write("")
            self.stdout.write(code)
            for row in rows:
                self.stdout.write(f"{row['rank']:>3}  {row['score']:>7.2f}  {row['group']}")
