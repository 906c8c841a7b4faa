"""`python manage.py import_scores PROGRAMME FILE.csv`: load scores taken on paper (judge, group, criterion,
score). Every bad row is reported; nothing is written unless all rows are valid."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from alliance.core.management.base import BaseCommand
from alliance.programs.models import Panel
from alliance.programs.services.loading import find_programme, import_scores


class Command(BaseCommand):
    help = _("Load paper scores (columns judge, group, criterion, score) into a programme's panel.")

    def add_arguments(self, parser):
        parser.add_argument("programme", help=_("the programme's name or year"))
        parser.add_argument("file", help=_("the CSV file (UTF-8)"))
        parser.add_argument("--stage", choices=Panel.Kind.values, default=Panel.Kind.FINAL)

    def handle(self, *args, programme, file, stage, **options):
        try:
            content = Path(file).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(_("Cannot read %(file)s: %(error)s") % {"file": file, "error": error}) from None
        try:
            found = find_programme(programme)
            panel = Panel.objects.filter(programme=found, kind=stage).first()
            if panel is None:
                raise ValidationError(_("The programme has no %(stage)s panel.") % {"stage": stage})
            count = import_scores(actor=None, panel=panel, content=content)
        except ValidationError as error:
            raise CommandError("\n".join(error.messages)) from None
        self.stdout.write(_("Imported %(count)d scores.") % {"count": count})
