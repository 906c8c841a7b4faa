"""Load a landscape.yml (current or older CNCF form) into a year's map.

    python manage.py import_landscape FILE.yml --year 2026 [--domain NAME] [--format json]

The landscape becomes one domain named after the file (its name without extension, or --domain); see
alliance/ecosystem/services/landscape_import.py for how categories and items map. A file with bad YAML,
a missing name or a duplicate item in one subcategory is refused with the line and the reason, and
nothing is written (exit status 1); missing logo files are warnings.
"""

import json
from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from alliance.core.management.base import BaseCommand
from alliance.ecosystem.services.landscape_import import import_landscape
from alliance.ecosystem.services.landscape_yml import LandscapeError, read_landscape_file

SHOWN_WARNINGS = 10


class Command(BaseCommand):
    help = "Import a landscape.yml file into a year's ecosystem map."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--domain", default="")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, file: str, year: int, domain: str, format: str, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("No such file: %(file)s") % {"file": file})
        try:
            landscape = read_landscape_file(path)
            result = import_landscape(
                actor=None,
                landscape=landscape,
                year=year,
                domain_name=domain.strip() or path.stem,
                logo_dir=path.parent / "logos",
            )
        except LandscapeError as error:
            raise CommandError("\n".join(error.errors)) from error
        summary = {
            "year": year,
            "domain": result.domain.name,
            "categories": len(landscape.categories),
            "items": result.items,
            "players_created": result.players_created,
            "players_matched": result.players_matched,
            "placements_created": result.placements_created,
            "logos": result.logos,
            "warnings": result.warnings,
        }
        if format == "json":
            self.stdout.write(json.dumps(summary, ensure_ascii=False))
            return
        for warning in result.warnings[:SHOWN_WARNINGS]:
            self.stderr.write(warning)
        if len(result.warnings) > SHOWN_WARNINGS:
            self.stderr.write(_("… and %(count)s more warnings.") % {"count": len(result.warnings) - SHOWN_WARNINGS})
        self.stdout.write(
            _(
                "Imported %(items)s items in %(categories)s categories into the %(year)s map "
                "(%(created)s new players, %(matched)s already on the map)."
            )
            % {
                "items": result.items,
                "categories": summary["categories"],
                "year": year,
                "created": result.players_created,
                "matched": result.players_matched,
            }
        )
