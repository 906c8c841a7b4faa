"""`python manage.py schedule_meetings IN.json [--out OUT.json] [--time-limit S] [--workers N]`.

Input and output are those of issue 4 (see alliance/programs/scheduling/problem.py for the optional
`declines` and `priority` extensions): the output holds exactly `meetings`, `satisfied` and `optimal`. What
else the run proved goes to standard error as one line: the bound (a proven upper bound on `satisfied`), the
gap ((bound − satisfied) / bound × 100), the solver's wall time and its method.
Invalid input — an unknown key, a slot that is not an HH:MM time, an unknown or duplicate id, an unknown slot —
exits with status 1 and a Korean message naming the item by its JSON path; nothing is written.
"""

import json
from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from alliance.core.management.base import BaseCommand
from alliance.programs import scheduling


class Command(BaseCommand):
    help = _("Schedule investment-day meetings from a JSON file (OR-Tools CP-SAT); prints or writes the schedule.")

    def add_arguments(self, parser):
        parser.add_argument("input", help=_("the problem as JSON"))
        parser.add_argument("--out", help=_("where to write the schedule (default: standard output)"))
        parser.add_argument("--time-limit", type=float, default=30.0, help=_("solver time limit in seconds"))
        parser.add_argument("--workers", type=int, default=2, help=_("solver threads"))

    def handle(self, *args, input, out, time_limit, workers, **options):
        try:
            text = Path(input).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(_("Cannot read %(file)s: %(reason)s") % {"file": input, "reason": error}) from error
        try:
            problem = scheduling.load_problem(text)
        except scheduling.ProblemError as error:
            raise CommandError(
                _("Invalid input: %(message)s") % {"message": _(error.template) % error.params}
            ) from error
        if time_limit <= 0 or workers <= 0:
            raise CommandError(_("--time-limit and --workers must be positive."))
        solution = scheduling.solve(problem, time_limit=time_limit, workers=workers)
        document = json.dumps(solution.as_json(), ensure_ascii=False, indent=2)
        self.stderr.write(
            _("Bound %(bound)s, gap %(gap_percent)s%%, %(seconds)s s, method %(method)s.") % solution.figures()
        )
        if out:
            Path(out).write_text(document + "\n", encoding="utf-8")
        else:
            self.stdout.write(document)
