"""`python manage.py ethics_score ANSWERS.json [--format json|text]`: score answers against a year's checklist.

Input: {"year": 2026, "answers": {"1": 5, "2": 4, …, "10": 3}} ("year" optional: the current year). Output (json):
{"year": 2026, "total": 84.0, "by_principle": {"진정성": 16.0, …}}. A missing item, an answer outside 1–5 or an
unknown item is reported (in Korean) and the command exits non-zero.
"""

import json
from pathlib import Path

from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.management.base import BaseCommand
from alliance.regulation.queries import current_checklist
from alliance.regulation.scoring import AnswerError, score


class Command(BaseCommand):
    help = _("Score a company's answers to the ethics checklist of a year (default: the current version).")

    def add_arguments(self, parser):
        parser.add_argument("answers", help=_('a JSON file: {"year": 2026, "answers": {"1": 5, …}}'))
        parser.add_argument("--format", choices=("json", "text"), default="text")

    def handle(self, *args, answers, format, **options):
        try:
            data = json.loads(Path(answers).read_text(encoding="utf-8"))
        except OSError:
            raise CommandError(_("Cannot read the file %(path)s.") % {"path": answers}) from None
        except ValueError:
            raise CommandError(_("%(path)s is not a JSON file.") % {"path": answers}) from None
        if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
            raise CommandError(_('The file must hold an object with "answers": {item number: answer}.'))
        year = data.get("year", timezone.localdate().year)
        if isinstance(year, bool) or not isinstance(year, int):
            raise CommandError(_('"year" must be a year such as 2026.'))
        checklist = current_checklist(year)
        if checklist is None:
            raise CommandError(_("No checklist of %(year)s is published.") % {"year": year})
        try:
            result = score(checklist.scoring_items(), data["answers"])
        except AnswerError as error:
            raise CommandError("\n".join(error.problems)) from None
        names = checklist.principle_names()
        output = {
            "year": year,
            "total": float(result.total),
            "by_principle": {names[key]: float(points) for key, points in result.by_principle.items()},
        }
        if format == "json":
            self.stdout.write(json.dumps(output, ensure_ascii=False))
            return
        self.stdout.write(_("Total: %(total)s / 100") % {"total": output["total"]})
        for name, points in output["by_principle"].items():
            self.stdout.write(f"  {name}: {points}")
