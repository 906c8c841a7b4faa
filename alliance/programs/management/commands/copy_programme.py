"""`python manage.py copy_programme SOURCE YEAR [--name NAME] [--format json]`: start a year from last year's."""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from alliance.core.management.base import BaseCommand
from alliance.programs.services.loading import find_programme
from alliance.programs.services.programme import copy_programme


class Command(BaseCommand):
    help = _("Copy a programme's tracks, rubrics, awards, rules and dates (moved to the new year).")

    def add_arguments(self, parser):
        parser.add_argument("source", help=_("the programme's name or year"))
        parser.add_argument("year", type=int, help=_("the new programme's year"))
        parser.add_argument("--name", default=None, help=_("the new programme's name"))
        parser.add_argument("--format", choices=("json", "text"), default="text")

    def handle(self, *args, source, year, name, format, **options):
        try:
            programme = copy_programme(actor=None, source=find_programme(source), year=year, name=name)
        except ValidationError as error:
            raise CommandError("\n".join(error.messages)) from None
        tracks = {track.code: track.criteria.count() for track in programme.tracks.all()}
        if format == "json":
            self.stdout.write(
                json.dumps({"year": programme.year, "name": programme.name, "tracks": tracks}, ensure_ascii=False)
            )
            return
        self.stdout.write(_("Created %(name)s with %(count)d tracks.") % {"name": programme.name, "count": len(tracks)})
