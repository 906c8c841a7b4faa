"""`python manage.py load_programme FILE.json`: set up a programme, its judges and groups from a file."""

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from alliance.core.management.base import BaseCommand
from alliance.core.management.json_input import read_json_file
from alliance.programs.services.loading import load_programme


class Command(BaseCommand):
    help = _("Set up a programme (tracks, rubrics, judges, groups of member companies) from a JSON file.")

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("the JSON file"))

    def handle(self, *args, file, **options):
        spec = read_json_file(file)
        try:
            programme = load_programme(actor=None, spec=spec)
        except ValidationError as error:
            raise CommandError("\n".join(error.messages)) from None
        self.stdout.write(
            _("Loaded %(name)s: %(groups)d groups, %(judges)d judges.")
            % {
                "name": programme.name,
                "groups": programme.groups.count(),
                "judges": programme.evaluators.filter(judges_final=True).count(),
            }
        )
