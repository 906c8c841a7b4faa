"""Write a year's map as a landscape.yml (the current CNCF form), with its logos in logos/ beside it.

    python manage.py export_landscape --year 2026 --out FILE.yml

Each category of the taxonomy becomes a landscape category; the items are the confirmed placements.
See alliance/ecosystem/services/landscape_yml.py for the mapping.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from alliance.ecosystem.models import Taxonomy
from alliance.ecosystem.services.landscape_import import export_landscape


class Command(BaseCommand):
    help = "Export a year's ecosystem map as landscape.yml."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--out", required=True)

    def handle(self, *args, year: int, out: str, **options):
        if not Taxonomy.objects.filter(year=year).exists():
            raise CommandError(_("There is no %(year)s taxonomy.") % {"year": year})
        counts = export_landscape(year=year, out_path=Path(out))
        self.stdout.write(
            _("Wrote %(items)s items in %(categories)s categories to %(out)s (%(logos)s logos).")
            % {**counts, "out": out}
        )
