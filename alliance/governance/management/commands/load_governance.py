"""`python manage.py load_governance FILE.json`: set up a year's bodies, seats and meetings from a file."""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from alliance.governance.services.loading import load_governance


class Command(BaseCommand):
    help = _("Set up a year's committees, their seats and held meetings from a JSON file.")

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("the JSON file"))

    def handle(self, *args, file, **options):
        try:
            spec = json.loads(Path(file).read_text(encoding="utf-8-sig"))
        except OSError as error:
            raise CommandError(_("Cannot read %(file)s: %(error)s") % {"file": file, "error": error}) from None
        except json.JSONDecodeError as error:
            raise CommandError(
                _("%(file)s is not valid JSON (line %(line)d, column %(column)d).")
                % {"file": file, "line": error.lineno, "column": error.colno}
            ) from None
        try:
            loaded = load_governance(spec=spec, actor_label="load_governance")
        except ValidationError as error:
            raise CommandError(_("Nothing was loaded:") + "\n" + "\n".join(error.messages)) from None
        self.stdout.write(
            _("Loaded %(year)d: %(bodies)d committees, %(seats)d seats, %(meetings)d meetings.")
            % {"year": loaded.year, "bodies": loaded.bodies, "seats": loaded.seats, "meetings": loaded.meetings}
        )
