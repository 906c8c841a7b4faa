"""`python manage.py quarterly_briefing --year 2025 --quarter 4 --out FILE [--meeting ID]`: the quarterly
steering-committee briefing as DOCX, PDF or HWPX, chosen by the file's extension.

Without `--meeting` the quarter's steering meeting is used (the last one when there are several: `--meeting`
picks another); a quarter without one still gets its report part. Errors are in Korean and exit non-zero.
"""

from pathlib import Path

from django.core.management.base import CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from alliance.core.management.base import BaseCommand
from alliance.reports.documents import FORMATS, format_of_path, render
from alliance.reports.queries.briefing import build_briefing, steering_meetings


class Command(BaseCommand):
    help = "Write the quarterly steering-committee briefing as DOCX, PDF or HWPX (by the file's extension)."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--quarter", type=int, required=True, choices=(1, 2, 3, 4))
        parser.add_argument("--out", required=True, help="the file to write: .docx, .pdf or .hwpx")
        parser.add_argument("--meeting", type=int, help="the steering meeting's id, when the quarter has several")

    def handle(self, *args, year, quarter, out, meeting, **options):
        with translation.override("ko"):
            fmt = format_of_path(out)
            if fmt is None:
                extensions = ", ".join(f.extension for f in FORMATS.values())
                raise CommandError(
                    _("Unknown file type: the file must end in %(extensions)s.") % {"extensions": extensions}
                )
            meetings = list(steering_meetings(year, quarter))
            chosen = meetings[-1] if meetings else None
            if meeting is not None:
                chosen = next((m for m in meetings if m.pk == meeting), None)
                if chosen is None:
                    raise CommandError(
                        _("No steering committee meeting %(id)s in %(year)s Q%(quarter)s (its meetings: %(ids)s).")
                        % {
                            "id": meeting,
                            "year": year,
                            "quarter": quarter,
                            "ids": ", ".join(str(m.pk) for m in meetings) or "-",
                        }
                    )
            elif len(meetings) > 1:
                self.stderr.write(
                    _("The quarter has %(count)s steering meetings (%(ids)s); using %(id)s. Choose with --meeting.")
                    % {"count": len(meetings), "ids": ", ".join(str(m.pk) for m in meetings), "id": chosen.pk}
                )
            briefing = build_briefing(year, quarter, chosen)
            content = render(briefing, fmt.name)
            Path(out).write_bytes(content)
            self.stdout.write(_("Wrote %(path)s (%(size)s bytes).") % {"path": out, "size": len(content)})
