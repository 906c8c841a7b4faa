"""`python manage.py load_governance FILE.json`: set up a year's bodies, seats and meetings from a file."""

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from alliance.core.management.base import BaseCommand
from alliance.core.management.json_input import read_json_file
from alliance.governance.services.loading import load_governance


class Command(BaseCommand):
    help = _("Set up a year's committees, their seats and held meetings from a JSON file.")

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("the JSON file"))

    def handle(self, *args, file, **options):
        spec = read_json_file(file)
        try:
            loaded = load_governance(spec=spec, actor_label="load_governance")
        except ValidationError as error:
            raise CommandError(_("Nothing was loaded:") + "\n" + "\n".join(error.messages)) from None
        self.stdout.write(
            _("Loaded %(year)d: %(bodies)d committees, %(seats)d seats, %(meetings)d meetings.")
            % {"year": loaded.year, "bodies": loaded.bodies, "seats": loaded.seats, "meetings": loaded.meetings}
        )
